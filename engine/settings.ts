/**
 * Detector settings: every detector's documented defaults, overridden by an optional JSON file
 * (`COLLUSION_SETTINGS`) of the form `{"price-screens": {"minScore": 0.85}, "cartel-community": {…}}`.
 * A file naming an unknown detector or setting, or giving a value of another type than the
 * default's, is refused with the file and the setting named, so a typo never silently scores with
 * the defaults.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { DEFAULTS as COMMUNITY_DEFAULTS } from './communities';
import { DETECTORS } from './detectors';
import { DetectorId } from './flag';

export type EngineSettings = Map<DetectorId, Record<string, unknown>>;

/** Defaults of every detector and of the community layer. */
export function defaultSettings(): EngineSettings {
  const settings: EngineSettings = new Map();
  for (const d of DETECTORS) settings.set(d.id, { ...(d.defaults as Record<string, unknown>) });
  settings.set('cartel-community', { ...(COMMUNITY_DEFAULTS as unknown as Record<string, unknown>) });
  return settings;
}

const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** Defaults merged with `overrides` (parsed JSON); `source` names where they came from in errors. */
export function mergeSettings(overrides: unknown, source: string): EngineSettings {
  const settings = defaultSettings();
  if (typeOf(overrides) !== 'object') throw new Error(`${source}: must be a JSON object of detector ids`);
  for (const [id, values] of Object.entries(overrides as Record<string, unknown>)) {
    const base = settings.get(id as DetectorId);
    if (!base) throw new Error(`${source}: unknown detector "${id}"; known: ${[...settings.keys()].join(', ')}`);
    if (typeOf(values) !== 'object') throw new Error(`${source}: "${id}" must be an object of settings`);
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      if (!(key in base)) {
        throw new Error(`${source}: "${id}" has no setting "${key}"; known: ${Object.keys(base).join(', ')}`);
      }
      if (typeOf(value) !== typeOf(base[key])) {
        throw new Error(`${source}: "${id}.${key}" must be a ${typeOf(base[key])}, got ${JSON.stringify(value)}`);
      }
      base[key] = value;
    }
  }
  return settings;
}

/** Settings from a JSON file, or the defaults when `file` is undefined. */
export function loadSettings(file: string | undefined): EngineSettings {
  if (!file) return defaultSettings();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`COLLUSION_SETTINGS: cannot read ${file}; fix the path or unset the variable`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return mergeSettings(parsed, file);
}

/** The settings as plain JSON with detectors and keys in sorted order: the same settings always give the same text. */
export function settingsJson(settings: EngineSettings): Record<string, Record<string, unknown>> {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sorted(v)]));
  };
  const ids = [...settings.keys()].sort();
  return Object.fromEntries(ids.map((id) => [id, sorted(settings.get(id)) as Record<string, unknown>]));
}

/**
 * A content hash of the settings in force (SHA-256 of their canonical JSON, first 16 hex digits): it
 * names what the detectors ran with independently of git, so a case file or a scoring run can say
 * which settings stood behind a finding.
 * @example settingsHash(defaultSettings()) // 'a1b2c3d4e5f60718'
 */
export function settingsHash(settings: EngineSettings): string {
  return createHash('sha256')
    .update(JSON.stringify(settingsJson(settings)))
    .digest('hex')
    .slice(0, 16);
}
