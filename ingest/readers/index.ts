/**
 * Picks the reader for each path a user gives: a folder is the CSV layout, a file is NDJSON
 * (plain or gzip). OCDS detection by content joins here later.
 */
import fs from 'node:fs';
import { csvFolderSource } from './csv';
import { ndjsonSource } from './ndjson';
import { InputSource } from './types';

export class InputPathError extends Error {
  readonly exitCode = 1;
}

export function openSource(inputPath: string): InputSource {
  if (!fs.existsSync(inputPath)) throw new InputPathError(`ingest: ${inputPath}: no such file or folder`);
  const stat = fs.statSync(inputPath);
  if (stat.isDirectory()) return csvFolderSource(inputPath);
  if (stat.isFile()) return ndjsonSource(inputPath);
  throw new InputPathError(`ingest: ${inputPath}: neither a file nor a folder`);
}

export type { InputItem, InputSource } from './types';
