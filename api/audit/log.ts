/**
 * The audit trail of the API: every access, appended to a JSONL file and hash-chained (each entry
 * carries the hash of the one before), so an edited, removed or reordered entry shows up when the
 * file is verified (`collusion audit verify`). Entries are on disk before the response leaves, and
 * never hold API keys or personal ID numbers.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../lib/config';

export interface AuditEntryInput {
  /** Who called: the key's id or name (never the secret). */
  key: string;
  role: string;
  method: string;
  route: string;
  params: Record<string, unknown>;
  status: number;
  /** Result count (items of a page, nodes of a graph), when the answer has one. */
  count?: number;
  ms: number;
}

/** One line of the file. `hash` is the SHA-256 of the canonical JSON of the entry without `hash`. */
export interface AuditEntry extends Omit<AuditEntryInput, 'count'> {
  seq: number;
  at: string;
  count: number | null;
  prev: string;
  hash: string;
}

export interface AuditProblem {
  line: number;
  reason: string;
}

/** `prev` of the first entry of a chain. */
const GENESIS = '0'.repeat(64);
const HASH_PATTERN = /^[0-9a-f]{64}$/;
const FIELDS = ['seq', 'at', 'key', 'role', 'method', 'route', 'params', 'status', 'count', 'ms', 'prev', 'hash'];
const SECRET_NAMES = new Set([
  'authorization',
  'key',
  'apikey',
  'xapikey',
  'token',
  'accesstoken',
  'secret',
  'password',
]);
/** A resident ID number: 17 digits and a check character (digit or X), not part of a longer number. */
const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;
/** An API key as created by api/keys/store.ts. */
const API_KEY = /ck_[A-Za-z0-9]{40}/g;

/** Where the audit log lives by default: `<dataDir>/audit/audit.jsonl`. */
export function auditFile(config: Config): string {
  return path.join(config.dataDir, 'audit', 'audit.jsonl');
}

/**
 * An append-only, hash-chained audit log file. One instance per process and file is the intended
 * use; should another writer have appended in between, the chain is picked up from the file again.
 * @example
 * const audit = AuditLog.open(auditFile(loadConfig()));
 * audit.append({ key: 'K-1a2b3c4d5e6f', role: 'auditor', method: 'GET', route: '/api/v1/flags', params: {}, status: 200, count: 25, ms: 12 });
 */
export class AuditLog {
  private constructor(
    private readonly path: string,
    private seq: number,
    private prev: string,
    private size: number,
  ) {}

  /** Opens (creating it and its folders when needed, mode 0o600) and continues the file's chain. */
  static open(file: string): AuditLog {
    const resolved = path.resolve(file);
    fs.mkdirSync(path.dirname(resolved), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(resolved)) {
      fs.closeSync(fs.openSync(resolved, 'a', 0o600));
      syncDir(path.dirname(resolved));
    }
    const tail = readTail(resolved);
    return new AuditLog(resolved, tail.seq, tail.prev, tail.size);
  }

  get file(): string {
    return this.path;
  }

  /** Appends one entry and fsyncs it, so it is on disk when this returns. */
  append(entry: AuditEntryInput): void {
    const fd = fs.openSync(this.path, 'a', 0o600);
    try {
      if (fs.fstatSync(fd).size !== this.size) {
        const tail = readTail(this.path);
        this.seq = tail.seq;
        this.prev = tail.prev;
      }
      const body: Omit<AuditEntry, 'hash'> = {
        seq: this.seq + 1,
        at: new Date().toISOString(),
        key: scrubString(String(entry.key)),
        role: String(entry.role),
        method: String(entry.method),
        route: scrubString(String(entry.route)),
        params: sanitizeParams(entry.params),
        status: entry.status,
        count: entry.count ?? null,
        ms: entry.ms,
        prev: this.prev,
      };
      const hash = sha256(canonicalJson(body));
      const line = JSON.stringify({ ...body, hash }) + '\n';
      fs.appendFileSync(fd, line);
      fs.fsyncSync(fd);
      this.seq = body.seq;
      this.prev = hash;
      this.size = fs.fstatSync(fd).size;
    } finally {
      fs.closeSync(fd);
    }
  }
}

/**
 * Checks a whole audit log: every line an entry, every hash right, seq counting up by one and each
 * `prev` the hash of the entry before. Removing entries at the very end leaves no trace in the file
 * itself; compare `entries` with a count kept elsewhere for that.
 * @example const { ok, problems } = verifyAuditLog('data/audit/audit.jsonl');
 */
export function verifyAuditLog(file: string): { ok: boolean; entries: number; problems: AuditProblem[] } {
  if (!fs.existsSync(file)) throw new Error(`audit: no audit log at ${file}; give the right one with --file`);
  const problems: AuditProblem[] = [];
  let entries = 0;
  /** The last well-formed entry, or null after a malformed line (the chain cannot be followed across it). */
  let before: { seq: number; hash: string; line: number } | null = { seq: 0, hash: GENESIS, line: 0 };
  for (const { line, text, terminated } of readLines(file)) {
    const reasons: string[] = [];
    const parsed = parseEntry(text);
    if (typeof parsed === 'string') {
      problems.push({ line, reason: parsed });
      before = null;
      continue;
    }
    entries += 1;
    if (!terminated) reasons.push('no newline at the end: the last write was cut short');
    const { hash, ...body } = parsed;
    if (sha256(canonicalJson(body)) !== hash) {
      reasons.push(`hash mismatch: entry seq ${parsed.seq} was changed after it was written`);
    }
    if (before !== null) {
      if (before.line === 0 && parsed.seq !== 1) {
        reasons.push(`the first entry has seq ${parsed.seq}, not 1: the start of the log is missing`);
      } else if (parsed.seq > before.seq + 1) {
        const missing = parsed.seq - before.seq - 1;
        reasons.push(
          `seq ${parsed.seq} follows seq ${before.seq}: ${missing} ${missing === 1 ? 'entry' : 'entries'} missing`,
        );
      } else if (parsed.seq <= before.seq) {
        reasons.push(`seq ${parsed.seq} follows seq ${before.seq}: entries reordered or duplicated`);
      }
      if (parsed.prev !== before.hash) {
        reasons.push(
          before.line === 0
            ? 'prev is not the genesis hash (64 zeros) although this is the first entry: the start of the log is missing'
            : `prev does not match the hash of the entry on line ${before.line}: an entry was removed, inserted or moved`,
        );
      }
    }
    for (const reason of reasons) problems.push({ line, reason });
    before = { seq: parsed.seq, hash, line };
  }
  return { ok: problems.length === 0, entries, problems };
}

/**
 * The well-formed entries of an audit log with their line numbers, in file order (malformed lines
 * are skipped: `verifyAuditLog` names them). Reads in chunks, so a large log is never held whole.
 * @example for (const { entry } of auditEntries(file)) if (entry.params.sha256 === hash) …
 */
export function* auditEntries(file: string): Generator<{ line: number; entry: AuditEntry }> {
  if (!fs.existsSync(file)) throw new Error(`audit: no audit log at ${file}; give the right one with --file`);
  for (const { line, text } of readLines(file)) {
    const parsed = parseEntry(text);
    if (typeof parsed !== 'string') yield { line, entry: parsed };
  }
}

/**
 * Parameters safe to keep: names that carry secrets (authorization, key, token, secret, …) are
 * dropped at any depth, resident ID numbers and API keys in strings replaced, and values made plain JSON.
 */
function sanitizeParams(params: Record<string, unknown>): Record<string, unknown> {
  const clean = sanitizeValue(params ?? {});
  return clean !== null && typeof clean === 'object' && !Array.isArray(clean) ? (clean as Record<string, unknown>) : {};
}

function sanitizeValue(value: unknown, depth = 0): unknown {
  if (depth > 20) return '[too deep]';
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return scrubString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return scrubString(value.toString());
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => sanitizeValue(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_NAMES.has(name.toLowerCase().replace(/[-_]/g, ''))) continue;
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      out[scrubString(name)] = sanitizeValue(v, depth + 1);
    }
    return out;
  }
  return null;
}

/**
 * What a string becomes in the audit log (resident ID numbers and API keys replaced): compare a
 * value with a logged one in this form, e.g. a SHA-256 that happens to hold 18 digits in a row.
 */
export function auditForm(text: string): string {
  return scrubString(text);
}

function scrubString(text: string): string {
  return text.replace(ID_NUMBER, '[id-number]').replace(API_KEY, '[api-key]');
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The entry on a line, or why the line is not one. */
function parseEntry(text: string): AuditEntry | string {
  if (text.trim() === '') return 'empty line where an entry should be';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `malformed: not valid JSON (${(error as Error).message})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'malformed: not a JSON object';
  const entry = value as Record<string, unknown>;
  const missing = FIELDS.filter((f) => !(f in entry));
  if (missing.length > 0) return `malformed: missing ${missing.join(', ')}`;
  if (!Number.isInteger(entry.seq) || (entry.seq as number) < 1) return 'malformed: seq is not a positive integer';
  if (typeof entry.prev !== 'string' || !HASH_PATTERN.test(entry.prev))
    return 'malformed: prev is not a SHA-256 hex digest';
  if (typeof entry.hash !== 'string' || !HASH_PATTERN.test(entry.hash))
    return 'malformed: hash is not a SHA-256 hex digest';
  return entry as unknown as AuditEntry;
}

/** seq and hash of the file's last entry (0 and genesis for an empty file), and the file's size. */
function readTail(file: string): { seq: number; prev: string; size: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return { seq: 0, prev: GENESIS, size };
    // Read backwards until the chunk holds a newline before the last line (or the file's start).
    let chunk = Buffer.alloc(0);
    let position = size;
    let start = -1;
    while (position > 0) {
      const length = Math.min(64 * 1024, position);
      position -= length;
      const part = Buffer.alloc(length);
      fs.readSync(fd, part, 0, length, position);
      chunk = Buffer.concat([part, chunk]);
      start = chunk.length >= 2 ? chunk.lastIndexOf(0x0a, chunk.length - 2) : -1;
      if (start >= 0) break;
    }
    const last = chunk.subarray(start + 1).toString('utf8');
    const parsed = last.endsWith('\n')
      ? parseEntry(last.slice(0, -1))
      : 'no newline at the end: the last write was cut short';
    if (typeof parsed === 'string') {
      throw new Error(
        `audit: cannot continue the chain of ${file}: its last line is not a complete entry (${parsed}). ` +
          `Check it with \`collusion audit verify --file ${file}\`, then move the file aside to start a new log.`,
      );
    }
    return { seq: parsed.seq, prev: parsed.hash, size };
  } finally {
    fs.closeSync(fd);
  }
}

/** The lines of a file, read in chunks (audit logs grow large), numbered from 1. */
function* readLines(file: string): Generator<{ line: number; text: string; terminated: boolean }> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    let rest = Buffer.alloc(0);
    let line = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      let data = Buffer.concat([rest, buffer.subarray(0, read)]);
      let newline: number;
      while ((newline = data.indexOf(0x0a)) >= 0) {
        line += 1;
        yield { line, text: data.subarray(0, newline).toString('utf8'), terminated: true };
        data = data.subarray(newline + 1);
      }
      rest = Buffer.from(data);
    }
    if (rest.length > 0) yield { line: line + 1, text: rest.toString('utf8'), terminated: false };
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a new file's directory entry durable (not possible on every platform; then skipped). */
function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory for fsync; the file's own fsync still holds.
  }
}
