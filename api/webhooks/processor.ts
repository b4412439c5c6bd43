/**
 * The processor of the `webhook` queue: fan-out jobs (after a rescoring) and delivery jobs, run
 * in-process by `collusion serve` and by `collusion worker` (see api/processors.ts).
 */
import type Queue from 'bull';
import type { Graph } from '../../cypher/runner';
import type { WebhookJob } from '../../engine/jobs/webhook-queue';
import { deliver, DeliverJob, DeliveryResult } from './deliver';
import { DeliveryPolicy, fanOut, FanoutSummary } from './fanout';

export function webhookProcessor(context: { graph: Graph; queue: Queue.Queue<WebhookJob>; policy: DeliveryPolicy }) {
  return (job: Queue.Job<WebhookJob>): Promise<FanoutSummary | DeliveryResult> =>
    job.data.kind === 'fanout'
      ? fanOut(context.graph, context.queue, context.policy)
      : deliver(job as Queue.Job<DeliverJob>, context.graph);
}
