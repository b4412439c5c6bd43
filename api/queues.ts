/**
 * The bull queues the API talks to: loads (ingest/jobs), rescoring (engine/jobs) and webhook
 * deliveries (engine/jobs/webhook-queue.ts). The API enqueues and reads job state;
 * `collusion worker` (or `collusion serve`, which runs the processors in-process, see
 * api/processors.ts) processes them.
 */
import Queue from 'bull';
import { RescoreJob, rescoreQueue } from '../engine/jobs/queue';
import { WebhookJob, webhookQueue } from '../engine/jobs/webhook-queue';
import { LoadJob, loadQueue } from '../ingest/jobs/load-queue';

export interface Queues {
  load: Queue.Queue<LoadJob>;
  rescore: Queue.Queue<RescoreJob>;
  webhook: Queue.Queue<WebhookJob>;
}

export function openQueues(redisUrl: string): Queues {
  return { load: loadQueue(redisUrl), rescore: rescoreQueue(redisUrl), webhook: webhookQueue(redisUrl) };
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q: Queue.Queue) => q.close()));
}
