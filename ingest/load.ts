/**
 * Loads trading-data sources into the graph. Each source (an NDJSON file, a CSV folder or an
 * OCDS file) is read twice: first every record is validated and normalised, then — only if all
 * are good, or with --skip-invalid — the good ones are written in batches. So a file with errors
 * writes nothing, and loading the same file again changes nothing (unchanged records are skipped
 * by their content hash). A LoadBatch node records the provenance of every load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Graph } from '../cypher/runner';
import { BatchWriter } from './batch-writer';
import { sourceChecksum } from './checksum';
import { IdHasher } from './normalise/id-number';
import { Prepared, prepareRecord } from './prepare';
import { InputItem, InputSource, openSource } from './readers';
import { RecordType } from './records/schemas';
import { validateRecord } from './records/validate';
import { InputError, LoadReport, SourceReport, TypeCounts } from './report';
import { progressBar } from './progress';

export interface LoadOptions {
  /** Load the good records of a source with errors, and write its bad lines to a rejects file. */
  skipInvalid?: boolean;
  /** Records per write transaction (default 5000). */
  batchSize?: number;
  /** Name of the trading system the data came from, kept on the LoadBatch. */
  sourceSystem?: string;
  /** Folder for reports and rejects files (`<dataDir>/loads`). */
  reportDir: string;
  /** Draw a progress bar on stderr when it is a terminal. */
  progress?: boolean;
  /** How many errors a report lists (default 1000); the rest are counted. */
  maxListedErrors?: number;
}

/** Loads each path (file or CSV folder) in turn; each is all-or-nothing on its own. */
export async function loadPaths(
  graph: Graph,
  paths: string[],
  hasher: IdHasher,
  options: LoadOptions,
): Promise<LoadReport> {
  const sources = paths.map(openSource);
  await graph.applySchema();
  const reports: SourceReport[] = [];
  for (const source of sources) reports.push(await loadSource(graph, source, hasher, options));
  return { ok: reports.every((r) => r.status === 'loaded'), sources: reports };
}

type Checked = { ok: true; prepared: Prepared } | { ok: false; errors: InputError[] };

function check(item: InputItem, hasher: IdHasher): Checked {
  const at = { file: item.file, line: item.line, ...(item.path ? { path: item.path } : {}) };
  if (item.parseError !== undefined)
    return { ok: false, errors: [{ ...at, ...(item.field ? { field: item.field } : {}), reason: item.parseError }] };
  const validation = validateRecord(item.value);
  if (!validation.ok) {
    return {
      ok: false,
      errors: validation.problems.map((p) => ({ ...at, type: validation.type, id: validation.id, ...p })),
    };
  }
  const preparation = prepareRecord(validation.type, validation.record, hasher);
  if (!preparation.ok) {
    const id = 'id' in validation.record ? String(validation.record.id) : undefined;
    return { ok: false, errors: preparation.problems.map((p) => ({ ...at, type: validation.type, id, ...p })) };
  }
  return preparation;
}

/** An item's place in its source: one OCDS release gives several records, told apart by their path. */
const itemKey = (item: InputItem) => `${item.file}\u0000${item.line}\u0000${item.path ?? ''}`;

/** Loads one source; see the module comment for the rules. */
export async function loadSource(
  graph: Graph,
  source: InputSource,
  hasher: IdHasher,
  options: LoadOptions,
): Promise<SourceReport> {
  const started = Date.now();
  const maxListed = options.maxListedErrors ?? 1000;
  const checksum = await sourceChecksum(source);
  const loadId = `load-${checksum.slice(0, 16)}`;
  const report: SourceReport = {
    path: source.path,
    format: source.format,
    checksum,
    status: 'loaded',
    records: 0,
    valid: 0,
    invalid: 0,
    types: {},
    placeholders: {},
    counters: { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 },
    errors: [],
    moreErrors: 0,
    seconds: 0,
  };
  const addError = (error: InputError) => {
    if (report.errors.length < maxListed) report.errors.push(error);
    else report.moreErrors += 1;
  };
  source.problems.forEach(addError);

  // Pass 1: validate and normalise everything, write nothing.
  const rejected = new Map<string, InputItem>();
  const types: Record<string, TypeCounts> = {};
  const sourcePersons = new Set<string>();
  if (options.progress && process.stderr.isTTY) process.stderr.write(`checking ${source.path}…\n`);
  for await (const item of source.items()) {
    report.records += 1;
    const checked = check(item, hasher);
    if (checked.ok) {
      report.valid += 1;
      if (checked.prepared.type === 'person') sourcePersons.add(checked.prepared.key);
      const counts = (types[checked.prepared.type] ??= { records: 0, written: 0 });
      counts.records += 1;
    } else {
      report.invalid += 1;
      if (options.skipInvalid) rejected.set(itemKey(item), item);
      checked.errors.forEach(addError);
    }
  }
  report.types = types;
  const unmapped = source.unmapped?.();
  if (unmapped) {
    report.unmapped = unmapped.paths;
    report.moreUnmapped = unmapped.more;
  }
  const reportDir = path.join(options.reportDir, loadId);

  if ((report.invalid > 0 || source.problems.length > 0) && !options.skipInvalid) {
    report.status = 'rejected';
    return finishReport(report, reportDir, started);
  }

  // Pass 2: write the good records in batches.
  await graph.write('load/batch-start', {
    id: loadId,
    file: path.resolve(source.path),
    checksum,
    format: source.format,
    source: options.sourceSystem ?? null,
    now: new Date().toISOString(),
  });
  const writer = new BatchWriter(graph, loadId, options.batchSize ?? 5000, sourcePersons);
  const bar = options.progress ? progressBar(`loading ${path.basename(source.path)}`, report.valid) : undefined;
  let done = 0;
  try {
    for await (const item of source.items()) {
      if (rejected.has(itemKey(item))) continue;
      const checked = check(item, hasher);
      if (!checked.ok)
        throw new Error(`ingest: ${item.file}:${item.line} changed while it was being loaded; load it again`);
      await writer.add(checked.prepared);
      done += 1;
      bar?.update(done);
    }
    await writer.finish();
    bar?.finish();
  } catch (error) {
    await graph.write('load/batch-finish', {
      id: loadId,
      status: 'failed',
      now: new Date().toISOString(),
      records: report.records,
      written: done,
      rejected: report.invalid,
      report: JSON.stringify({ error: (error as Error).message }),
    });
    throw error;
  }
  for (const [type, written] of writer.written) types[type as RecordType].written = written;
  report.counters = writer.counters;
  for (const row of await graph.read('load/placeholders-left', { load: loadId })) {
    if (Number(row.count) > 0) report.placeholders[String(row.label)] = Number(row.count);
  }
  report.loadId = loadId;
  report.status = report.invalid > 0 ? 'partial' : 'loaded';
  if (rejected.size > 0) report.rejectsFile = writeRejects(source, [...rejected.values()], reportDir);
  const final = finishReport(report, reportDir, started);
  await graph.write('load/batch-finish', {
    id: loadId,
    status: report.status,
    now: new Date().toISOString(),
    records: report.records,
    written: report.valid,
    rejected: report.invalid,
    report: JSON.stringify({ types: report.types, placeholders: report.placeholders, counters: report.counters }),
  });
  return final;
}

function finishReport(report: SourceReport, reportDir: string, started: number): SourceReport {
  report.seconds = (Date.now() - started) / 1000;
  fs.mkdirSync(reportDir, { recursive: true });
  report.reportFile = path.join(reportDir, 'report.json');
  fs.writeFileSync(report.reportFile, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/**
 * Writes rejected records untouched: for NDJSON one rejects.ndjson, for a CSV folder one
 * `<type>.rejects.csv` per file with its header row. For OCDS, rejects.ndjson holds the rejected
 * records in the canonical format (and JSON Lines that did not parse, as they were); a broken
 * package has no text to write. Returns the rejects path.
 */
function writeRejects(source: InputSource, items: InputItem[], reportDir: string): string {
  fs.mkdirSync(reportDir, { recursive: true });
  if (source.format !== 'csv') {
    const file = path.join(reportDir, 'rejects.ndjson');
    fs.writeFileSync(file, items.flatMap((i) => (i.raw === '' ? [] : [`${i.raw}\n`])).join(''));
    return file;
  }
  const byFile = new Map<string, InputItem[]>();
  for (const item of items) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  const dir = path.join(reportDir, 'rejects');
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, rows] of byFile) {
    const header = firstLine(file);
    const out = path.join(dir, path.basename(file).replace(/\.csv$/i, '.rejects.csv'));
    fs.writeFileSync(out, [header, ...rows.map((r) => r.raw)].join('\n') + '\n');
  }
  return dir;
}

function firstLine(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, length)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0];
  } finally {
    fs.closeSync(fd);
  }
}
