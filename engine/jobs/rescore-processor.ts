/**
 * The sandboxed bull processor of `rescore` jobs: runs in its own child process, connects to the
 * configured Neo4j and rescores, then announces the run on the webhook queue so that changed
 * flags go out to the registered webhooks. bull loads this file by path, so it runs from dist/
 * (compiled).
 */
import { Job } from 'bull';
import { Graph } from '../../cypher/runner';
import { loadConfig } from '../../lib/config';
import { ensureNeo4j } from '../../tools/neo4j';
import { ensureRedis } from '../../tools/redis';
import { rescore, RescoreReport } from '../rescore';
import { RescoreJob } from './queue';
import { enqueueFanout, webhookQueue } from './webhook-queue';

export default async function processRescore(job: Job<RescoreJob>): Promise<RescoreReport> {
  const config = loadConfig();
  const graph = await Graph.connect(await ensureNeo4j(config));
  let report: RescoreReport;
  try {
    report = await rescore(graph, { full: job.data.full, log: (line) => void job.log(line) });
  } finally {
    await graph.close();
  }
  await announce(report, config);
  return report;
}

/**
 * Queues the webhook fan-out. Best effort: the rescoring stands if Redis hiccups here, and the
 * next fan-out still delivers these flags, since each webhook keeps its own cursor.
 */
async function announce(report: RescoreReport, config: ReturnType<typeof loadConfig>): Promise<void> {
  try {
    const queue = webhookQueue((await ensureRedis(config)).url);
    try {
      await enqueueFanout(queue, `rescore run ${report.run}`);
    } finally {
      await queue.close();
    }
  } catch (error) {
    process.stderr.write(`rescore: could not queue the webhook fan-out: ${(error as Error).message}\n`);
  }
}
