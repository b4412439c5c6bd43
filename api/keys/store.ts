/**
 * API keys: who may call the API, in which role and jurisdiction. A key is shown once when it is
 * created; Neo4j keeps only its SHA-256 hash (ApiKey.hash), so neither a database dump nor a key
 * listing reveals a usable secret. Statements: cypher/api/key-*.cypher.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Graph, Row } from '../../cypher/runner';
import { REGION_PREFIX, SECTOR_NAME } from '../scope';

export const ROLES = ['admin', 'operator', 'auditor', 'supervisor', 'investigator', 'feed'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  /** Division-code prefixes (`4101`) the key may see; null = every region. */
  regions: string[] | null;
  /** Sectors (`construction`) the key may see; null = every sector. */
  sectors: string[] | null;
  created_at: string;
  revoked_at: string | null;
}

const KEY_PREFIX = 'ck_';
const KEY_LENGTH = 40;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KEY_PATTERN = /^ck_[A-Za-z0-9]{40}$/;
const MAX_NAME_LENGTH = 100;

/**
 * The SHA-256 hex digest of a presented key: what is stored and looked up instead of the key.
 * @example hashKey('ck_…') // '9f86d0…' (64 hex characters)
 */
export function hashKey(presented: string): string {
  return createHash('sha256').update(presented, 'utf8').digest('hex');
}

/**
 * Creates a key and returns its secret (`ck_` + 40 base62 characters), which is not stored and
 * cannot be shown again, with the stored record. Throws when the input is invalid or an unrevoked
 * key already has the name.
 * @example const { key, record } = await createKey(graph, { name: 'zhengzhou-housing', role: 'supervisor', regions: ['4101'], sectors: ['construction'] });
 */
export async function createKey(
  graph: Graph,
  input: { name: string; role: Role; regions?: string[]; sectors?: string[] },
): Promise<{ key: string; record: ApiKey }> {
  const name = checkName(input.name);
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw new Error(`api-keys: role "${String(input.role)}" is unknown; use one of ${ROLES.join(', ')}`);
  }
  const regions = checkList(
    input.regions,
    REGION_PREFIX,
    (v) => `region "${v}" must be 2-6 digits, the prefix of a division code (e.g. 4101)`,
  );
  const sectors = checkList(
    input.sectors,
    SECTOR_NAME,
    (v) => `sector "${v}" must be a lowercase word of a-z, "_" or "-" (e.g. construction)`,
  );
  const key = newSecret();
  const params = {
    id: `K-${randomBytes(6).toString('hex')}`,
    name,
    hash: hashKey(key),
    role: input.role,
    regions,
    sectors,
    now: new Date().toISOString(),
  };
  let rows: Row[];
  try {
    ({ rows } = await graph.write('api/key-create', params));
  } catch (error) {
    // The uniqueness constraint on active_name catches a concurrent creation of the same name.
    if ((error as { code?: unknown }).code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') throw error;
    rows = [];
  }
  if (rows.length === 0) {
    throw new Error(
      `api-keys: a key named "${name}" already exists and is not revoked; names must be unique among unrevoked keys, ` +
        `so choose another name or revoke that key first`,
    );
  }
  return { key, record: toApiKey(rows[0]) };
}

/**
 * The unrevoked key a presented secret stands for, or undefined when it is unknown, revoked or
 * not shaped like a key (then Neo4j is not asked).
 * @example const caller = await findKey(graph, bearerToken);
 */
export async function findKey(graph: Graph, presented: string): Promise<ApiKey | undefined> {
  if (!KEY_PATTERN.test(presented)) return undefined;
  const rows = await graph.read('api/key-find', { hash: hashKey(presented) });
  return rows.length > 0 ? toApiKey(rows[0]) : undefined;
}

/**
 * Every key, revoked ones included, oldest first; never hashes.
 * @example for (const k of await listKeys(graph)) console.log(k.id, k.role);
 */
export async function listKeys(graph: Graph): Promise<ApiKey[]> {
  return (await graph.read('api/key-list')).map(toApiKey);
}

/**
 * Revokes the key with this id, or the unrevoked key with this name; returns it, or undefined when
 * none matches. Revoking a revoked key (by id) keeps its first revocation time.
 * @example await revokeKey(graph, 'K-1a2b3c4d5e6f');
 */
export async function revokeKey(graph: Graph, idOrName: string): Promise<ApiKey | undefined> {
  const { rows } = await graph.write('api/key-revoke', { ref: idOrName, now: new Date().toISOString() });
  return rows.length > 0 ? toApiKey(rows[0]) : undefined;
}

/** `ck_` + 40 base62 characters, unbiased (bytes of 248 and above are drawn again). */
function newSecret(): string {
  let out = '';
  while (out.length < KEY_LENGTH) {
    for (const byte of randomBytes(KEY_LENGTH)) {
      if (byte < 248 && out.length < KEY_LENGTH) out += BASE62[byte % 62];
    }
  }
  return KEY_PREFIX + out;
}

function checkName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '')
    throw new Error('api-keys: a key needs a name saying who holds it (e.g. "zhengzhou-housing-bureau")');
  if (name.length > MAX_NAME_LENGTH)
    throw new Error(`api-keys: name is longer than ${MAX_NAME_LENGTH} characters; shorten it`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new Error('api-keys: name must not contain control characters');
  return name;
}

/** Trimmed, deduplicated and sorted; empty or absent means unrestricted (null). */
function checkList(values: string[] | undefined, pattern: RegExp, problem: (value: string) => string): string[] | null {
  if (values === undefined || values === null) return null;
  if (!Array.isArray(values)) throw new Error(`api-keys: expected a list, got ${JSON.stringify(values)}`);
  const out = new Set<string>();
  for (const raw of values) {
    const value = typeof raw === 'string' ? raw.trim() : String(raw);
    if (!pattern.test(value)) throw new Error(`api-keys: ${problem(value)}`);
    out.add(value);
  }
  return out.size > 0 ? [...out].sort() : null;
}

function toApiKey(row: Row): ApiKey {
  const k = row.key as Record<string, unknown>;
  return {
    id: String(k.id),
    name: String(k.name),
    role: k.role as Role,
    regions: (k.regions as string[] | null | undefined) ?? null,
    sectors: (k.sectors as string[] | null | undefined) ?? null,
    created_at: String(k.created_at),
    revoked_at: (k.revoked_at as string | null | undefined) ?? null,
  };
}
