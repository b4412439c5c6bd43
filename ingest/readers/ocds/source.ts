/**
 * An OCDS file as an input source of `collusion load`: a release package, a record package or
 * JSON Lines (plain or gzip), read as a stream and mapped onto canonical records, which then
 * go through the same validation and writing as NDJSON. Each record is an item at the line where
 * its release began, with the JSON path of the part it came from; its `raw` is the canonical
 * record as JSON (what a rejects file gets). A party repeats in every release that names it: an
 * organisation is passed on again only when it differs from the last time (a hash per id is
 * kept). What no record took is counted by path, for the load report.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { isGzip } from '../ndjson';
import { InputItem, InputSource, UnmappedFields } from '../types';
import type { OcdsLayout } from './detect';
import { lineEntries, OcdsEntry, packageEntries } from './entries';
import { countReleases, ReleaseGroups } from './groups';
import { mapRelease } from './map';
import { Compiled, compileRecord, join } from './records';
import { UnmappedCounter } from './unmapped';

/** The input source of an OCDS file whose layout detect.ts found. */
export function ocdsSource(file: string, layout: OcdsLayout): InputSource {
  const reader = new OcdsReader(file, layout, () => openFile(file));
  return {
    format: 'ocds',
    path: file,
    files: [file],
    bytes: fs.statSync(file).size,
    problems: [],
    items: () => reader.items(),
    unmapped: () => reader.unmapped(),
  };
}

/** The file's bytes, gunzipped when it is gzip (whatever its name). */
function openFile(file: string): Readable {
  const raw = fs.createReadStream(file);
  return isGzip(file) ? pipeline(raw, zlib.createGunzip(), () => undefined) : raw;
}

/**
 * Reads an OCDS stream into input items; `open` gives the stream from its start, each time.
 * @example for await (const item of new OcdsReader('a.json', 'release-package', () => fs.createReadStream('a.json')).items()) …
 */
export class OcdsReader {
  private counts?: Promise<Map<string, number>>;
  private lastCounter = new UnmappedCounter();

  constructor(
    private readonly file: string,
    private readonly layout: OcdsLayout,
    private readonly open: () => Readable,
  ) {}

  /** What the last complete read left unmapped. */
  unmapped(): UnmappedFields {
    return this.lastCounter.summary();
  }

  async *items(): AsyncGenerator<InputItem> {
    const counter = new UnmappedCounter();
    // A record package compiles each record on its own; releases need their ocid's count first.
    this.counts ??= this.layout === 'record-package' ? Promise.resolve(new Map()) : countReleases(this.entries());
    const groups = new ReleaseGroups(await this.counts);
    const organizations = new Map<string, string>();
    for await (const entry of this.entries()) {
      if (entry.kind === 'metadata') counter.addLeaves(entry.key, entry.value);
      else if (entry.kind === 'problem') {
        const { line, path, field, reason, raw } = entry;
        yield { file: this.file, line, path, field, raw, parseError: reason };
      } else if (entry.kind === 'record') {
        const compiled = compileRecord(entry, counter);
        if ('reason' in compiled) {
          const { line, path } = entry;
          yield { file: this.file, line, path, field: 'compiledRelease', raw: '', parseError: compiled.reason };
        } else yield* this.mapped(compiled, counter, organizations);
      } else {
        const compiled = groups.add(entry);
        if (compiled) yield* this.mapped(compiled, counter, organizations);
      }
    }
    for (const compiled of groups.rest()) yield* this.mapped(compiled, counter, organizations);
    this.lastCounter = counter;
  }

  private async *entries(): AsyncGenerator<OcdsEntry> {
    const input = this.open();
    try {
      if (this.layout === 'json-lines') {
        yield* lineEntries(readline.createInterface({ input, crlfDelay: Infinity }));
      } else {
        input.setEncoding('utf8');
        yield* packageEntries(input);
      }
    } finally {
      input.destroy();
    }
  }

  private *mapped(compiled: Compiled, counter: UnmappedCounter, organizations: Map<string, string>) {
    const records = mapRelease(compiled.release);
    counter.addLeaves(compiled.prefix, compiled.release);
    for (const { record, from } of records) {
      const raw = JSON.stringify(record);
      if (record.type === 'organization') {
        const hash = createHash('sha1').update(raw).digest('base64');
        if (organizations.get(String(record.id)) === hash) continue;
        organizations.set(String(record.id), hash);
      }
      const item: InputItem = {
        file: this.file,
        line: compiled.line,
        path: join(compiled.path, from),
        raw,
        value: record,
      };
      yield item;
    }
  }
}
