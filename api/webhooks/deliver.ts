/**
 * One webhook delivery attempt: the batch is POSTed as JSON, signed (see signature.ts), to the
 * webhook's URL while the webhook exists and its key is not revoked (otherwise the delivery is
 * dropped). A network error, a timeout or a non-2xx answer fails the attempt; bull retries with
 * exponential backoff, and when the last attempt fails a WebhookDeadLetter records what was lost.
 */
import http from 'node:http';
import https from 'node:https';
import type { Job } from 'bull';
import type { Graph } from '../../cypher/runner';
import type { WebhookJob } from '../../engine/jobs/webhook-queue';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './signature';

export type DeliverJob = Extract<WebhookJob, { kind: 'deliver' }>;

export type DeliveryResult = { status: number; attempt: number } | { dropped: string };

const TIMEOUT_MS = 10_000;

/**
 * Delivers the batch of a job, or throws why this attempt failed (after writing the dead letter
 * when it was the last one).
 */
export async function deliver(job: Job<DeliverJob>, graph: Graph): Promise<DeliveryResult> {
  const { webhook, delivery, events } = job.data;
  const [target] = await graph.read('api/webhook-target', { id: webhook });
  if (!target) return { dropped: 'the webhook was deleted or its key revoked' };
  const attempt = job.attemptsMade + 1;
  const body = JSON.stringify({ webhook, delivery, events });
  try {
    const status = await post(String(target.url), body, {
      'content-type': 'application/json',
      'user-agent': 'collusion-engine-webhooks/1',
      [SIGNATURE_HEADER]: signBody(String(target.secret), body),
      [DELIVERY_HEADER]: delivery,
      [TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)),
    });
    return { status, attempt };
  } catch (error) {
    if (attempt >= (job.opts.attempts ?? 1)) {
      await graph.write('api/webhook-dead-letter', {
        webhook,
        delivery,
        flags: events.map((e) => String(e.flag.id)),
        error: (error as Error).message,
        attempts: attempt,
        now: new Date().toISOString(),
      });
    }
    throw error;
  }
}

/** POSTs without connection reuse; resolves with a 2xx status, rejects on anything else. */
function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      reject(new Error(`the webhook URL ${url} is not valid; register the webhook again with a valid URL`));
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        timeout: TIMEOUT_MS,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on('error', (error) => reject(new Error(`the receiver's answer broke off: ${error.message}`)));
        response.on('end', () =>
          status >= 200 && status < 300 ? resolve(status) : reject(new Error(`the receiver answered ${status}`)),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(new Error(`could not deliver to ${target.origin}: ${error.message}`)));
    request.end(body);
  });
}
