/** Waiting for a condition with a deadline: how the service starters wait for a port to answer or a pid to go. */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `check` every `intervalMs` until it returns a value other than undefined, or `timeoutMs` passes.
 * @returns the first defined value, or undefined on timeout.
 * @example
 * const up = await poll(async () => (await ping(port)) || undefined, { timeoutMs: 30_000, intervalMs: 200 });
 */
export async function poll<T>(
  check: () => T | undefined | Promise<T | undefined>,
  opts: { timeoutMs: number; intervalMs: number },
): Promise<T | undefined> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(opts.intervalMs);
  }
}
