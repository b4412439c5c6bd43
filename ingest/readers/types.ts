/**
 * What every reader yields: one input record with where it came from, still unvalidated, plus
 * the raw text so that a rejected line can be written back untouched.
 */
import { RecordType } from '../records/schemas';

export interface InputItem {
  /** File the record came from (for a CSV folder: the `<type>.csv` file). */
  file: string;
  /** 1-based line (NDJSON), line where the CSV record starts, or line where the OCDS release starts. */
  line: number;
  /** Where in a JSON document the record came from (OCDS: `releases[3].bids.details[0]`). */
  path?: string;
  /** The record's text exactly as in the file. */
  raw: string;
  /** The parsed value, when the text parsed. */
  value?: unknown;
  /** Why the text did not parse. */
  parseError?: string;
  /** The field a parse error is about (an OCDS release without `ocid`). */
  field?: string;
  /** The type a CSV file implies (`bid.csv` → bid). */
  impliedType?: RecordType;
}

/** Fields of the input that no canonical record took, by JSON path, with how often each occurred. */
export interface UnmappedFields {
  /** The most frequent paths (at most 200), e.g. `releases[].tender.items[].classification.scheme: 12`. */
  paths: Record<string, number>;
  /** Paths left out of `paths`. */
  more: number;
}

/** One unit of loading: an NDJSON file, a CSV folder or an OCDS file; loaded all-or-nothing. */
export interface InputSource {
  format: 'ndjson' | 'csv' | 'ocds';
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
  /** What the last complete read left unmapped (formats mapped onto the contract, such as OCDS). */
  unmapped?(): UnmappedFields;
}
