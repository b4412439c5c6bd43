/** Reading the end of a service's log file, for error messages that show why a start failed. */
import fs from 'node:fs';

const WINDOW_BYTES = 64 * 1024;

/** Size of `file` in bytes, 0 when it does not exist: remember it before a start to read only that start's lines. */
export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * The last `count` non-blank lines of `file` written after byte `fromOffset` (at most the last 64 KiB).
 * @example
 * const offset = fileSize(log); start(); … readTail(log, 30, offset).join('\n');
 */
export function readTail(file: string, count: number, fromOffset = 0): string[] {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    const start = Math.max(fromOffset, size - WINDOW_BYTES);
    const buffer = Buffer.alloc(Math.max(0, size - start));
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buffer, 0, buffer.length, start);
    } finally {
      fs.closeSync(fd);
    }
    text = buffer.toString('utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-count);
}
