/**
 * Finding and running external commands (java, mvn, apt-get, redis-server) with their output streamed to a
 * logger line by line, keeping the last lines for error messages.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What a finished command left behind. */
export interface CommandResult {
  /** Exit code; null when a signal ended it. */
  code: number | null;
  /** The last 30 lines of its combined stdout and stderr. */
  tail: string[];
}

const TAIL_LINES = 30;
// eslint-disable-next-line no-control-regex -- matching terminal escape sequences is the point
const ANSI_ESCAPE = /\x1b\[[0-9;]*[A-Za-z]/g;

/** Returns the absolute path of `name` on `PATH` (as it is now), or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/**
 * Runs a command to completion, sending each output line to `log`.
 * @example
 * const { code, tail } = await runCommand('apt-get', ['update'], { log: console.error });
 */
export function runCommand(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      opts.log?.(line);
    };
    const out = new LineSplitter(onLine);
    const err = new LineSplitter(onLine);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      out.flush();
      err.flush();
      resolve({ code, tail });
    });
  });
}

/** Cuts a byte stream into non-blank lines. */
class LineSplitter {
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const lines = (this.pending + chunk.toString('utf8')).split('\n');
    this.pending = lines.pop() ?? '';
    lines.forEach((line) => this.emit(line));
  }

  flush(): void {
    this.emit(this.pending);
    this.pending = '';
  }

  private emit(raw: string): void {
    const line = raw.replace(ANSI_ESCAPE, '').trimEnd(); // Maven 3.8 prints colour resets even with -B
    if (line.trim() !== '') this.onLine(line);
  }
}
