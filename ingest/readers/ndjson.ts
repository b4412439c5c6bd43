/**
 * NDJSON / JSON Lines reader (`.ndjson`, `.jsonl`, `.json`, optionally gzip-compressed): streams
 * line by line, so a file larger than memory loads; blank lines are skipped but counted.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { InputItem, InputSource } from './types';

export function ndjsonSource(file: string): InputSource {
  return {
    format: 'ndjson',
    path: file,
    files: [file],
    bytes: fs.statSync(file).size,
    problems: [],
    items: () => readNdjson(file),
  };
}

/** True when the file starts with the gzip magic bytes. */
export function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

async function* readNdjson(file: string): AsyncGenerator<InputItem> {
  const raw = fs.createReadStream(file);
  const input = isGzip(file) ? raw.pipe(zlib.createGunzip()) : raw;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (let text of lines) {
      line += 1;
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === '') continue;
      try {
        yield { file, line, raw: text, value: JSON.parse(text) };
      } catch (error) {
        yield { file, line, raw: text, parseError: `not valid JSON (${(error as Error).message})` };
      }
    }
  } finally {
    lines.close();
    raw.destroy();
  }
}
