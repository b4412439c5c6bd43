/**
 * What every reader yields: one input record with where it came from, still unvalidated, plus
 * the raw text so that a rejected line can be written back untouched.
 */
import { RecordType } from '../records/schemas';

export interface InputItem {
  /** File the record came from (for a CSV folder: the `<type>.csv` file). */
  file: string;
  /** 1-based line (NDJSON) or line where the CSV record starts. */
  line: number;
  /** The record's text exactly as in the file. */
  raw: string;
  /** The parsed value, when the text parsed. */
  value?: unknown;
  /** Why the text did not parse. */
  parseError?: string;
  /** The type a CSV file implies (`bid.csv` → bid). */
  impliedType?: RecordType;
}

/** One unit of loading: an NDJSON file or a CSV folder; loaded all-or-nothing. */
export interface InputSource {
  format: 'ndjson' | 'csv';
  /** Path as given by the user. */
  path: string;
  /** Files it reads, for the checksum and the report. */
  files: string[];
  /** Total bytes, for the progress bar. */
  bytes: number;
  /** Reads the source from the start; can be called more than once. */
  items(): AsyncGenerator<InputItem>;
  /** Input problems found before any record (e.g. a CSV file named after no record type). */
  problems: { file: string; line: number; field?: string; reason: string }[];
}
