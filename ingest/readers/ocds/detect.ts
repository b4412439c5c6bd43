/**
 * Recognises OCDS by content, not by file name: the first bytes of a file (gunzipped if it is
 * gzip) tell a release package, a record package and JSON Lines of releases or records apart
 * from the canonical NDJSON, whose lines carry a `"type"`.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { isGzip } from '../ndjson';
import { PackageParser } from './package-parser';

export type OcdsLayout = 'release-package' | 'record-package' | 'json-lines';

/** Bytes read to decide; a package names its `releases` or `records` well before this. */
const HEAD_BYTES = 1 << 20;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The OCDS layout of a file, or undefined when it is not OCDS.
 * @example detectOcdsFile('releases.json.gz') // 'release-package'
 */
export function detectOcdsFile(file: string): OcdsLayout | undefined {
  const { text, whole } = head(file);
  return detectOcds(text, whole);
}

/**
 * The OCDS layout of the start of a text, or undefined when it is not OCDS. `whole` says the text
 * is the entire file (so its last line is complete even without a line break).
 */
export function detectOcds(text: string, whole: boolean): OcdsLayout | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{')) return undefined;
  const end = start.indexOf('\n');
  if (end >= 0 || whole) {
    const first = firstLineValue(end >= 0 ? start.slice(0, end) : start);
    if (first !== undefined) return layoutOfObject(first);
  }
  return packageArray(start);
}

/** A complete first line: a canonical record, a release or record (JSON Lines), or a one-line package. */
function layoutOfObject(value: Record<string, unknown>): OcdsLayout | undefined {
  if ('type' in value) return undefined;
  if (typeof value.ocid === 'string') return 'json-lines';
  if (Array.isArray(value.releases)) return 'release-package';
  if (Array.isArray(value.records)) return 'record-package';
  return undefined;
}

function firstLineValue(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A package spread over lines: read its structure until its `releases` or `records` array opens. */
function packageArray(text: string): OcdsLayout | undefined {
  for (const event of new PackageParser().feed(text)) {
    if (event.kind === 'array') return event.name === 'releases' ? 'release-package' : 'record-package';
    if (event.kind === 'error') return undefined;
    if (event.kind === 'field' && event.key === 'type') return undefined;
    if (event.kind === 'field' && event.key === 'ocid') return 'json-lines'; // a first line longer than the head
  }
  return undefined;
}

function head(file: string): { text: string; whole: boolean } {
  const fd = fs.openSync(file, 'r');
  let bytes: Buffer;
  let size: number;
  try {
    size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    bytes = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    fs.closeSync(fd);
  }
  if (!isGzip(file)) return { text: bytes.toString('utf8'), whole: size <= HEAD_BYTES };
  try {
    const text = zlib.gunzipSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return {
      text: text.subarray(0, HEAD_BYTES).toString('utf8'),
      whole: size <= HEAD_BYTES && text.length <= HEAD_BYTES,
    };
  } catch {
    return { text: '', whole: false };
  }
}
