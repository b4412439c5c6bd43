/**
 * Whether a case file is one the system produced, unchanged: the file's SHA-256 against the
 * entries of the hash-chained audit log that record producing a case file (API route or CLI).
 * The audit log itself is read and its chain checked by the caller (api/audit/log.ts); this module
 * only knows what such an entry says, so it stays free of the API.
 */
import { createHash } from 'node:crypto';

export const CASE_FORMATS = ['html', 'pdf'] as const;
export type CaseFormat = (typeof CASE_FORMATS)[number];

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What an audit entry for a produced case file carries in `params`, beside who and when. */
export interface CaseAuditFacts {
  /** Marks the entry as a case file production. */
  case: 'flag' | 'community';
  id: string;
  format: CaseFormat;
  redact: boolean;
  sha256: string;
  bytes: number;
}

/** The part of an audit entry verification reads. */
export interface AuditEntryLike {
  seq: number;
  at: string;
  key: string;
  role: string;
  route: string;
  status: number;
  params: Record<string, unknown>;
}

export interface Production {
  line: number;
  seq: number;
  at: string;
  by: string;
  role: string;
  route: string;
  kind: string;
  id: string;
  format: string;
  redacted: boolean;
}

/**
 * The audit entry that recorded producing a file with this hash, or undefined. `form` maps a hash
 * to the form the audit log stores strings in (it scrubs digit runs that look like ID numbers).
 * @example findProduction(sha256Hex(bytes), auditEntries(file), auditForm)
 */
export function findProduction(
  hash: string,
  entries: Iterable<{ line: number; entry: AuditEntryLike }>,
  form: (text: string) => string = (t) => t,
): Production | undefined {
  const wanted = new Set([hash, form(hash)]);
  let found: Production | undefined;
  for (const { line, entry } of entries) {
    const p = entry.params ?? {};
    if (typeof p.sha256 !== 'string' || !wanted.has(p.sha256) || typeof p.case !== 'string') continue;
    if (entry.status >= 400) continue;
    found ??= {
      line,
      seq: entry.seq,
      at: entry.at,
      by: entry.key,
      role: entry.role,
      route: entry.route,
      kind: String(p.case),
      id: String(p.id ?? ''),
      format: String(p.format ?? ''),
      redacted: p.redact === true || p.redact === 'true',
    };
  }
  return found;
}
