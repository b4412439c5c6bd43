/**
 * The load report: what each source held, what was written, and every input error with file,
 * line, field and reason. Printed for people, written as JSON beside the rejects file.
 */
import { WriteCounters } from '../cypher/runner';

export interface InputError {
  file: string;
  line: number;
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
  format: 'ndjson' | 'csv';
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
  reportFile?: string;
  rejectsFile?: string;
  seconds: number;
}

export interface LoadReport {
  ok: boolean;
  sources: SourceReport[];
}

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
    for (const e of s.errors) {
      out.push(`  ${e.file}:${e.line}: ${e.field ? `${e.field} ` : ''}${e.reason}${e.id ? ` (id ${e.id})` : ''}`);
    }
    if (s.moreErrors > 0) out.push(`  … and ${s.moreErrors} more errors (see ${s.reportFile ?? 'the JSON report'})`);
    if (s.status === 'rejected') {
      out.push(
        '  nothing of this source was written; fix the lines above, or load with --skip-invalid to load the good records',
      );
    }
    if (s.rejectsFile) out.push(`  rejected lines written untouched to ${s.rejectsFile}`);
    if (s.reportFile) out.push(`  report: ${s.reportFile}`);
  }
  return out.join('\n');
}
