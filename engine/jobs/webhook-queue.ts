/**
 * The bull queue of webhooks: `fanout` jobs (queued after every rescoring) look for flags changed
 * since each webhook's cursor and queue one `deliver` job per batch; `deliver` jobs POST a batch,
 * signed, with retries and backoff. The processors live in api/webhooks/ (they speak the API's
 * flag shape and jurisdictions); the engine only announces that flags may have changed.
 */
import Queue from 'bull';

export const WEBHOOK_QUEUE = 'webhook';

/** One event of a delivery: a flag as the API shows it, with its feed cursor as id. */
export interface WebhookEvent {
  id: string;
  type: 'flag.changed';
  flag: Record<string, unknown>;
}

export type WebhookJob =
  { kind: 'fanout'; reason: string } | { kind: 'deliver'; webhook: string; delivery: string; events: WebhookEvent[] };

export function webhookQueue(redisUrl: string): Queue.Queue<WebhookJob> {
  return new Queue<WebhookJob>(WEBHOOK_QUEUE, redisUrl, {
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      // Kept a while: a delivery's job id is derived from its batch, so a second fan-out that
      // finds the same batch adds nothing while the first job is still known.
      removeOnComplete: 1000,
      removeOnFail: 1000,
    },
  });
}

/**
 * Queues a fan-out of changed flags to the webhooks.
 * @example await enqueueFanout(queue, 'rescore run 1b2c…');
 */
export function enqueueFanout(queue: Queue.Queue<WebhookJob>, reason: string): Promise<Queue.Job<WebhookJob>> {
  return queue.add({ kind: 'fanout', reason });
}
