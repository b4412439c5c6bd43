/** CSV export of a dashboard table or chart: one header line, CRLF rows, fields quoted and formula-safe. */
import { csvField, download } from '../graph/export';

export type Cell = string | number | null | undefined;

/** The CSV text of a header (plain names) and rows (quoted fields). */
export function toCsv(head: string[], rows: Cell[][]): string {
  return [head.join(','), ...rows.map((row) => row.map(csvField).join(','))].join('\r\n') + '\r\n';
}

/** Offers the rows as `name` (a .csv file) and returns the text. */
export function downloadCsv(name: string, head: string[], rows: Cell[][]): string {
  const text = toCsv(head, rows);
  download(new Blob([text], { type: 'text/csv' }), name);
  return text;
}
