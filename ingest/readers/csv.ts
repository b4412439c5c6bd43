/**
 * Reader of the CSV folder layout: one `<type>.csv` per record type, header row = field names,
 * list fields `;`-separated, nested fields dotted (`events.opened`). Cells are typed by the
 * contract (numbers, booleans, lists) so that zod checks them like NDJSON values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { CSV_FIELD_KINDS, LOAD_ORDER, RECORD_TYPES, RecordType } from '../records/schemas';
import { InputItem, InputSource } from './types';

export function csvFolderSource(dir: string): InputSource {
  const entries = fs.readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.csv'));
  const problems: InputSource['problems'] = [];
  const typed: { type: RecordType; file: string }[] = [];
  for (const name of entries) {
    const type = name.slice(0, -4).toLowerCase();
    if ((RECORD_TYPES as string[]).includes(type)) typed.push({ type: type as RecordType, file: path.join(dir, name) });
    else
      problems.push({
        file: path.join(dir, name),
        line: 0,
        reason: `file is named after no record type; expected one of ${RECORD_TYPES.map((t) => `${t}.csv`).join(', ')}`,
      });
  }
  if (typed.length === 0 && problems.length === 0) {
    problems.push({ file: dir, line: 0, reason: 'folder holds no <type>.csv file' });
  }
  typed.sort((a, b) => LOAD_ORDER.indexOf(a.type) - LOAD_ORDER.indexOf(b.type));
  return {
    format: 'csv',
    path: dir,
    files: typed.map((t) => t.file),
    bytes: typed.reduce((sum, t) => sum + fs.statSync(t.file).size, 0),
    problems,
    items: () => readFolder(typed),
  };
}

async function* readFolder(files: { type: RecordType; file: string }[]): AsyncGenerator<InputItem> {
  for (const { type, file } of files) yield* readCsvFile(type, file);
}

async function* readCsvFile(type: RecordType, file: string): AsyncGenerator<InputItem> {
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ columns: true, bom: true, info: true, raw: true, skip_empty_lines: true, relax_quotes: false }));
  try {
    for await (const entry of parser as AsyncIterable<{
      record: Record<string, string>;
      raw: string;
      info: { lines: number };
    }>) {
      const raw = entry.raw.replace(/\r?\n$/, '');
      const line = entry.info.lines - (raw.match(/\n/g)?.length ?? 0);
      yield { file, line, raw, value: toRecord(type, entry.record), impliedType: type };
    }
  } catch (error) {
    const err = error as Error & { lines?: number };
    yield { file, line: err.lines ?? 0, raw: '', parseError: `not valid CSV (${err.message})`, impliedType: type };
  }
}

/** One CSV row as a contract record: empty cells dropped, dotted names nested, cells typed. */
export function toRecord(type: RecordType, cells: Record<string, string>): Record<string, unknown> {
  const kinds = CSV_FIELD_KINDS[type];
  const record: Record<string, unknown> = { type };
  for (const [column, cell] of Object.entries(cells)) {
    if (cell === undefined || cell.trim() === '' || column === 'type') continue;
    const value = typed(kinds[column], cell.trim());
    const parts = column.split('.');
    let target = record;
    for (const part of parts.slice(0, -1)) {
      if (typeof target[part] !== 'object' || target[part] === null) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  }
  return record;
}

function typed(kind: 'number' | 'boolean' | 'list' | undefined, cell: string): unknown {
  if (kind === 'list')
    return cell
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (kind === 'number') return /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(cell) ? Number(cell) : cell;
  if (kind === 'boolean') {
    if (/^(true|1|yes)$/i.test(cell)) return true;
    if (/^(false|0|no)$/i.test(cell)) return false;
    return cell;
  }
  return cell;
}
