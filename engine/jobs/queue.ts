/**
 * The bull queue of rescoring jobs on Redis. A load enqueues one; `collusion worker` processes
 * them in a sandboxed child process, so Louvain on a big graph never stalls the queue's event
 * loop (bull keeps renewing the job lock from the parent). Jobs with the same id are collapsed,
 * so a burst of loads causes one rescoring, not many.
 */
import fs from 'node:fs';
import path from 'node:path';
import Queue from 'bull';
import { projectRoot } from '../../lib/paths';

export interface RescoreJob {
  full: boolean;
  /** Why the job was queued, e.g. "load load-1a2b…". */
  reason: string;
}

export const RESCORE_QUEUE = 'rescore';

export function rescoreQueue(redisUrl: string): Queue.Queue<RescoreJob> {
  return new Queue<RescoreJob>(RESCORE_QUEUE, redisUrl, {
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: 100,
      removeOnFail: 500,
    },
  });
}

/** Queues a rescoring unless one is already waiting (waiting jobs share one id). */
export async function enqueueRescore(queue: Queue.Queue<RescoreJob>, job: RescoreJob): Promise<Queue.Job<RescoreJob>> {
  const waiting = (await queue.getWaiting()).find((j) => j.data.full === job.full);
  if (waiting) return waiting;
  return queue.add(job);
}

/**
 * The compiled sandboxed processor: beside this file when running from dist/, else (running the
 * TypeScript sources, as jest does) the one under dist/ of the checkout.
 */
export function rescoreProcessorFile(): string {
  const candidates = [
    path.join(__dirname, 'rescore-processor.js'),
    path.join(projectRoot(), 'dist', 'engine', 'jobs', 'rescore-processor.js'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) {
    throw new Error(
      `rescore: the compiled processor is missing (looked for ${candidates.join(', ')}); run \`npm run build\``,
    );
  }
  return found;
}

/** Starts processing with the sandboxed processor (compiled JavaScript, see rescoreProcessorFile). */
export function processRescores(queue: Queue.Queue<RescoreJob>): Promise<void> {
  return queue.process(1, rescoreProcessorFile());
}
