/**
 * The webhook fan-out, run after every rescoring: for each webhook whose key is not revoked, the
 * flags changed since its cursor, in that key's current jurisdiction and the webhook's filters,
 * are cut into batches of at most 100 and queued as `deliver` jobs; the cursor then moves past
 * each queued batch. A delivery's id (and bull job id) is derived from the webhook and the
 * batch's bounds, so two fan-outs racing over the same flags queue the batch once; delivery is
 * at least once.
 */
import { createHash } from 'node:crypto';
import type Queue from 'bull';
import { Graph, int } from '../../cypher/runner';
import type { WebhookEvent, WebhookJob } from '../../engine/jobs/webhook-queue';
import { encodeCursor } from '../pagination';
import { scopeOf } from '../scope';
import { flagView } from '../views/flag';

/** Flags per delivery. */
export const BATCH_SIZE = 100;

export interface DeliveryPolicy {
  /** Tries per delivery before its dead letter (`COLLUSION_WEBHOOK_ATTEMPTS`). */
  attempts: number;
  /** First retry delay in ms, doubled each time (`COLLUSION_WEBHOOK_BACKOFF_MS`). */
  backoffMs: number;
}

export interface FanoutSummary {
  webhooks: number;
  deliveries: number;
  flags: number;
}

type Cursor = [string, string];

interface ActiveWebhook {
  id: string;
  min_score?: number | null;
  detectors?: string[] | null;
  cursor_at: string;
  cursor_id?: string | null;
}

/** The delivery id of a batch: the same webhook and bounds give the same id. */
export function deliveryId(webhook: string, from: Cursor, to: Cursor): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([webhook, from, to]))
    .digest('hex');
  return `D-${hash.slice(0, 24)}`;
}

/**
 * Queues the deliveries of every active webhook and moves their cursors.
 * @example await fanOut(graph, queues.webhook, { attempts: 6, backoffMs: 2000 });
 */
export async function fanOut(
  graph: Graph,
  queue: Queue.Queue<WebhookJob>,
  policy: DeliveryPolicy,
): Promise<FanoutSummary> {
  const summary: FanoutSummary = { webhooks: 0, deliveries: 0, flags: 0 };
  for (const row of await graph.read('api/webhooks-active')) {
    const hook = row.webhook as ActiveWebhook;
    const scope = scopeOf({ regions: row.regions as string[] | null, sectors: row.sectors as string[] | null });
    const filters = {
      ...scope,
      minScore: Number(hook.min_score ?? 0),
      detectors: hook.detectors && hook.detectors.length > 0 ? hook.detectors : null,
    };
    summary.webhooks += 1;
    let from: Cursor = [String(hook.cursor_at), String(hook.cursor_id ?? '')];
    for (;;) {
      const rows = await graph.read('api/webhook-flags', { ...filters, after: from, limit: int(BATCH_SIZE) });
      if (rows.length === 0) break;
      const flags = rows.map((r) => r.flag as Record<string, unknown>);
      const last = flags[flags.length - 1];
      const to: Cursor = [String(last.changed_at), String(last.id)];
      const delivery = deliveryId(hook.id, from, to);
      const events: WebhookEvent[] = flags.map((flag) => ({
        id: encodeCursor([flag.changed_at, flag.id]),
        type: 'flag.changed',
        flag: flagView(flag),
      }));
      await queue.add(
        { kind: 'deliver', webhook: hook.id, delivery, events },
        { jobId: delivery, attempts: policy.attempts, backoff: { type: 'exponential', delay: policy.backoffMs } },
      );
      summary.deliveries += 1;
      summary.flags += flags.length;
      const { rows: moved } = await graph.write('api/webhook-advance', {
        id: hook.id,
        from,
        to,
        now: new Date().toISOString(),
      });
      // Another fan-out moved the cursor meanwhile: it carries on from there.
      if (moved.length === 0 || rows.length < BATCH_SIZE) break;
      from = to;
    }
  }
  return summary;
}
