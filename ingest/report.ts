/**
 * The load report: what each source held, what was written, and every input error with file,
 * line, field and reason. Printed for people, written as JSON beside the rejects file.
 */
import { WriteCounters } from '../cypher/runner';
import type { InputSource } from './readers';

export interface InputError {
  file: string;
  line: number;
  /** Where in a JSON document (OCDS): `releases[3]`, `releases[3].bids.details[0]`. */
  path?: string;
  type?: string;
  id?: string;
  field?: string;
  reason: string;
}

export interface TypeCounts {
  records: number;
  written: number;
}

export interface SourceReport {
  path: string;
  format: InputSource['format'];
  checksum: string;
  loadId?: string;
  /** loaded: all written; partial: good records written, bad ones rejected; rejected: nothing written. */
  status: 'loaded' | 'partial' | 'rejected';
  records: number;
  valid: number;
  invalid: number;
  /** Records per type, and how many of them were new or changed (the rest were already there). */
  types: Record<string, TypeCounts>;
  /** Placeholders this load left for references to ids not loaded yet, per label. */
  placeholders: Record<string, number>;
  counters: WriteCounters;
  errors: InputError[];
  /** Errors beyond those listed (the list is capped). */
  moreErrors: number;
  /** Input fields no record took, by JSON path, most frequent first (OCDS); capped. */
  unmapped?: Record<string, number>;
  /** Unmapped paths beyond those listed. */
  moreUnmapped?: number;
  reportFile?: string;
  rejectsFile?: string;
  seconds: number;
}

export interface LoadReport {
  ok: boolean;
  sources: SourceReport[];
}

/** How many unmapped paths the text report lists (the JSON report has them all, up to its cap). */
const LISTED_UNMAPPED = 20;

/** A short human-readable rendering of a load report. */
export function formatReport(report: LoadReport): string {
  const out: string[] = [];
  for (const s of report.sources) {
    const rate = s.seconds > 0 ? ` (${Math.round(s.records / s.seconds)} records/s)` : '';
    out.push(`${s.path}: ${s.status} — ${s.records} records, ${s.invalid} invalid, ${s.seconds.toFixed(1)} s${rate}`);
    if (s.status !== 'rejected') {
      const types = Object.entries(s.types)
        .map(([t, c]) => `${t} ${c.records}${c.written !== c.records ? ` (${c.written} new or changed)` : ''}`)
        .join(', ');
      out.push(`  records: ${types}`);
      const ph = Object.entries(s.placeholders).filter(([, n]) => n > 0);
      if (ph.length) out.push(`  placeholders for ids not loaded yet: ${ph.map(([l, n]) => `${l} ${n}`).join(', ')}`);
    }
    out.push(...unmappedLines(s));
    for (const e of s.errors) {
      const at = e.path ? `${e.path}: ` : '';
      out.push(`  ${e.file}:${e.line}: ${at}${e.field ? `${e.field} ` : ''}${e.reason}${e.id ? ` (id ${e.id})` : ''}`);
    }
    if (s.moreErrors > 0) out.push(`  … and ${s.moreErrors} more errors (see ${s.reportFile ?? 'the JSON report'})`);
    if (s.status === 'rejected') {
      out.push(
        '  nothing of this source was written; fix the lines above, or load with --skip-invalid to load the good records',
      );
    }
    if (s.rejectsFile) {
      const what =
        s.format === 'ocds' ? 'rejected records written in the canonical format' : 'rejected lines written untouched';
      out.push(`  ${what} to ${s.rejectsFile}`);
    }
    if (s.reportFile) out.push(`  report: ${s.reportFile}`);
  }
  return out.join('\n');
}

/** The unmapped input fields, most frequent first: what the source held that the graph will not. */
function unmappedLines(s: SourceReport): string[] {
  const entries = Object.entries(s.unmapped ?? {});
  if (entries.length === 0) return [];
  const total = entries.length + (s.moreUnmapped ?? 0);
  const more = total - Math.min(total, LISTED_UNMAPPED);
  return [
    `  unmapped input fields (not loaded), ${total} paths:`,
    ...entries.slice(0, LISTED_UNMAPPED).map(([path, count]) => `    ${path}: ${count}`),
    ...(more > 0 ? [`    … and ${more} more paths (see ${s.reportFile ?? 'the JSON report'})`] : []),
  ];
}
