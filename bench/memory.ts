/**
 * Peak memory of the processes a benchmark involves: this Node process (maxRSS) and another
 * process by pid (VmHWM from /proc, Linux only), in MiB.
 */
import fs from 'node:fs';

export function nodePeakMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function processPeakMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
