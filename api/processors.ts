/**
 * The job processors of the house, wired in one place for both `collusion serve` (in-process,
 * unless `worker: false`) and `collusion worker`: loads (ingest, which then queues a rescoring),
 * rescoring (sandboxed in a child process, see engine/jobs/queue.ts) and webhooks (fan-out and
 * signed deliveries). They stop when their queues are closed (closeQueues).
 */
import type Queue from 'bull';
import type { Graph } from '../cypher/runner';
import { enqueueRescore, processRescores, rescoreProcessorFile } from '../engine/jobs/queue';
import { runLoadJob } from '../ingest/jobs/load-processor';
import type { Config } from '../lib/config';
import type { Queues } from './queues';
import { webhookProcessor } from './webhooks/processor';

export interface ProcessorContext {
  graph: Graph;
  config: Config;
  queues: Queues;
  /** Told what the processors do: `(queue, job id, what happened)`. */
  report?: (event: { queue: string; job: string; outcome: 'completed' | 'failed'; detail: string }) => void;
}

/** Deliveries and fan-outs at once per process; deliveries mostly wait on receivers. */
const WEBHOOK_CONCURRENCY = 4;

/**
 * Starts processing every queue of `queues`. Throws at once when the compiled rescoring processor
 * is missing (`npm run build`), before anything is registered.
 * @example startProcessors({ graph, config, queues: openQueues(redisUrl) });
 */
export function startProcessors(context: ProcessorContext): void {
  const { graph, config, queues } = context;
  rescoreProcessorFile();
  const failedToStart = (queue: string) => (error: unknown) =>
    context.report?.({ queue, job: '-', outcome: 'failed', detail: `processor stopped: ${(error as Error).message}` });

  void queues.load
    .process(1, (job) =>
      runLoadJob(job, {
        graph,
        config,
        queueRescore: async (reason) => `rescore:${(await enqueueRescore(queues.rescore, { full: false, reason })).id}`,
      }),
    )
    .catch(failedToStart('load'));
  void processRescores(queues.rescore).catch(failedToStart('rescore'));
  void queues.webhook
    .process(WEBHOOK_CONCURRENCY, webhookProcessor({ graph, queue: queues.webhook, policy: config.webhooks }))
    .catch(failedToStart('webhook'));

  if (context.report) {
    const report = context.report;
    for (const [name, queue] of Object.entries(queues) as [string, Queue.Queue][]) {
      queue.on('completed', (job: Queue.Job, result: unknown) =>
        report({ queue: name, job: String(job.id), outcome: 'completed', detail: summarise(result) }),
      );
      queue.on('failed', (job: Queue.Job, error: Error) =>
        report({
          queue: name,
          job: String(job.id),
          outcome: 'failed',
          detail: `attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}: ${error.message.split('\n')[0]}`,
        }),
      );
    }
  }
}

/** A one-line account of a job's result for the log. */
function summarise(result: unknown): string {
  if (!result || typeof result !== 'object') return String(result);
  const r = result as Record<string, unknown>;
  if ('report' in r) {
    const report = r.report as { sources: { path: string; status: string; records: number }[] };
    const sources = report.sources.map((s) => `${s.path} ${s.status} (${s.records} records)`).join(', ');
    return `${sources}${r.rescore_job ? `; ${String(r.rescore_job)} queued` : ''}`;
  }
  if ('mode' in r) return `${String(r.mode)} rescoring, ${String(r.flags)} flags (${String(r.changed)} changed)`;
  if ('deliveries' in r) return `${String(r.deliveries)} deliveries of ${String(r.flags)} flags queued`;
  if ('status' in r) return `delivered (HTTP ${String(r.status)}, attempt ${String(r.attempt)})`;
  if ('dropped' in r) return `dropped: ${String(r.dropped)}`;
  return JSON.stringify(r).slice(0, 200);
}
