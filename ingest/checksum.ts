/** SHA-256 of a source's bytes (for a CSV folder: of its files' names and hashes), streamed. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InputSource } from './readers';

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function sourceChecksum(source: InputSource): Promise<string> {
  if (source.format !== 'csv') return fileSha256(source.path);
  const hash = createHash('sha256');
  for (const file of [...source.files].sort()) hash.update(`${path.basename(file)}:${await fileSha256(file)}\n`);
  return hash.digest('hex');
}
