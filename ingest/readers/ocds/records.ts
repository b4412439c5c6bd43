/**
 * The compiled release of an OCDS record: its `compiledRelease`, or else its embedded releases
 * merged (merge.ts). A record's `releases` and `versionedRelease` are the history of its
 * compiled release, so they are not counted as unmapped; any other field of the record is.
 */
import type { RecordEntry } from './entries';
import { mergeReleases } from './merge';
import { isObject, JsonObject, listAt, objectAt } from './take';
import type { UnmappedCounter } from './unmapped';

/** A release ready for mapping, with where it came from. */
export interface Compiled {
  release: JsonObject;
  line: number;
  path: string;
  /** Prefix of the unmapped paths of what is left of it: `releases[]`, `records[].compiledRelease`. */
  prefix: string;
}

/** `a.b`, or `b` when there is no `a`. */
export const join = (a: string, b: string) => (a ? `${a}.${b}` : b);

/** The compiled release of a record, or the reason there is none. */
export function compileRecord(entry: RecordEntry, counter: UnmappedCounter): Compiled | { reason: string } {
  const record = { ...entry.value };
  const ocid = record.ocid;
  const compiled = objectAt(record, 'compiledRelease');
  const embedded = listAt(record, 'releases').filter((r): r is JsonObject => isObject(r) && typeof r.ocid === 'string');
  for (const key of ['ocid', 'compiledRelease', 'releases', 'versionedRelease']) delete record[key];
  counter.addLeaves(entry.prefix, record);
  if (compiled) {
    compiled.ocid ??= ocid;
    return {
      release: compiled,
      line: entry.line,
      path: join(entry.path, 'compiledRelease'),
      prefix: join(entry.prefix, 'compiledRelease'),
    };
  }
  if (embedded.length === 0) {
    return {
      reason:
        'has neither a compiledRelease nor embedded releases (only links to them); export records with compiledRelease, or load the release package instead',
    };
  }
  return {
    release: mergeReleases(embedded),
    line: entry.line,
    path: entry.path,
    prefix: join(entry.prefix, 'releases[]'),
  };
}
