/**
 * Runs the `collusion` command in-process for tests: its exit code and what it printed on stdout
 * (stderr, the progress lines, is silenced).
 */
import { run } from '../cli';

export async function collusion(...args: string[]): Promise<{ code: number; stdout: string }> {
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await run(['node', 'collusion', ...args]);
    return { code, stdout: out.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}
