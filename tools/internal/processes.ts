/**
 * Process checks by pid for the services we start detached: is it alive, is it really ours (a pid can be
 * reused after a reboot), and stopping it with SIGTERM, then SIGKILL when it does not exit in time.
 */
import fs from 'node:fs';
import { poll } from './poll';

/** True when `pid` names a live process (a zombie counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readProcFile(pid, 'stat');
  if (stat === undefined) return true;
  // The state field of /proc/PID/stat follows the command name, which is in parentheses: "123 (java) S …".
  const state = stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  return state !== 'Z';
}

/**
 * True when `pid` is alive and its command line contains `marker` (e.g. the launcher's class name).
 * Where /proc is not available the command line cannot be read and liveness alone decides.
 */
export function isOurProcess(pid: number, marker: string): boolean {
  if (!isAlive(pid)) return false;
  const cmdline = readProcFile(pid, 'cmdline');
  return cmdline === undefined || cmdline.split('\0').some((arg) => arg.includes(marker));
}

/**
 * Sends SIGTERM and waits up to `timeoutMs` for the process to exit; then sends SIGKILL.
 * @returns 'exited' after a clean stop, 'killed' when SIGKILL was needed.
 */
export async function terminate(pid: number, timeoutMs: number): Promise<'exited' | 'killed'> {
  signal(pid, 'SIGTERM');
  if (await poll(() => !isAlive(pid) || undefined, { timeoutMs, intervalMs: 100 })) return 'exited';
  signal(pid, 'SIGKILL');
  await poll(() => !isAlive(pid) || undefined, { timeoutMs: 10_000, intervalMs: 100 });
  return 'killed';
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function readProcFile(pid: number, name: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return undefined;
  }
}
