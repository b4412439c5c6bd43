/**
 * Picks the reader for each path a user gives, by content rather than by name: a folder is the
 * CSV layout; a file (plain or gzip) is OCDS when it starts like a release package, a record
 * package or JSON Lines of releases or records (ocds/detect.ts), and canonical NDJSON otherwise.
 */
import fs from 'node:fs';
import { csvFolderSource } from './csv';
import { ndjsonSource } from './ndjson';
import { detectOcdsFile } from './ocds/detect';
import { ocdsSource } from './ocds/source';
import { InputSource } from './types';

export class InputPathError extends Error {
  readonly exitCode = 1;
}

export function openSource(inputPath: string): InputSource {
  if (!fs.existsSync(inputPath)) throw new InputPathError(`ingest: ${inputPath}: no such file or folder`);
  const stat = fs.statSync(inputPath);
  if (stat.isDirectory()) return csvFolderSource(inputPath);
  if (!stat.isFile()) throw new InputPathError(`ingest: ${inputPath}: neither a file nor a folder`);
  const layout = detectOcdsFile(inputPath);
  return layout ? ocdsSource(inputPath, layout) : ndjsonSource(inputPath);
}

export type { InputItem, InputSource, UnmappedFields } from './types';
