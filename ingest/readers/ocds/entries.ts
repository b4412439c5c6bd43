/**
 * The releases and records of an OCDS file, one at a time, with the line and JSON path where
 * each began: from a package (streamed by the package parser) or from JSON Lines (one release or
 * record per line). Also the package's own fields, and problems as they come: a syntax error
 * (which ends a package), a line that is not JSON, an element that is no object or has no ocid.
 */
import { describe } from '../../records/fields';
import { PackageParser } from './package-parser';
import { locateParseError } from './syntax-error';
import { isObject, JsonObject } from './take';

/** A release or a record of the file, with an ocid. */
export interface ProcessEntry<Kind extends 'release' | 'record'> {
  kind: Kind;
  value: JsonObject;
  line: number;
  /** Where it is: `releases[3]`, `records[0]`; empty for JSON Lines. */
  path: string;
  /** Its path with positions folded, for counting unmapped fields: `releases[]`; empty for JSON Lines. */
  prefix: string;
}
export type ReleaseEntry = ProcessEntry<'release'>;
export type RecordEntry = ProcessEntry<'record'>;

export type OcdsEntry =
  | ReleaseEntry
  | RecordEntry
  | { kind: 'metadata'; key: string; value: unknown }
  | { kind: 'problem'; line: number; path?: string; field?: string; reason: string; raw: string };

/** The entries of a release or record package, read chunk by chunk. */
export async function* packageEntries(text: AsyncIterable<string>): AsyncGenerator<OcdsEntry> {
  const parser = new PackageParser();
  const events = async function* () {
    for await (const chunk of text) yield* parser.feed(chunk);
    yield* parser.end();
  };
  for await (const event of events()) {
    if (event.kind === 'element') {
      const kind = event.name === 'releases' ? 'release' : 'record';
      yield entry(kind, event.value, event.line, `${event.name}[${event.index}]`, `${event.name}[]`, '');
    } else if (event.kind === 'field') yield { kind: 'metadata', key: event.key, value: event.value };
    else if (event.kind === 'error') {
      const { error } = event;
      yield {
        kind: 'problem',
        line: error.line,
        path: error.path,
        reason: `${error.message}; fix the file and load it again`,
        raw: '',
      };
      return;
    }
  }
}

/** The entries of JSON Lines: one release or record per line; blank lines are skipped but counted. */
export async function* lineEntries(lines: AsyncIterable<string>): AsyncGenerator<OcdsEntry> {
  let line = 0;
  for await (let text of lines) {
    line += 1;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const located = locateParseError(error, text, line, 1);
      yield {
        kind: 'problem',
        line,
        reason: `not valid JSON at column ${located.column}: ${located.reason}`,
        raw: text,
      };
      continue;
    }
    const kind =
      isObject(value) && (isObject(value.compiledRelease) || Array.isArray(value.releases)) ? 'record' : 'release';
    yield entry(kind, value, line, '', '', text);
  }
}

function entry(
  kind: 'release' | 'record',
  value: unknown,
  line: number,
  path: string,
  prefix: string,
  raw: string,
): OcdsEntry {
  const what = path || `line ${line}`;
  if (!isObject(value))
    return {
      kind: 'problem',
      line,
      path: path || undefined,
      reason: `${what} must be a JSON object (an OCDS ${kind}), got ${describe(value)}`,
      raw,
    };
  if (typeof value.ocid !== 'string' || value.ocid.trim() === '') {
    const reason = `is required: every OCDS ${kind} names its contracting process; add the ocid to ${what}, or remove the ${kind}`;
    return { kind: 'problem', line, path: path || undefined, field: 'ocid', reason, raw };
  }
  return { kind, value, line, path, prefix };
}
