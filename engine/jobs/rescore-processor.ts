/**
 * The sandboxed bull processor of `rescore` jobs: runs in its own child process, connects to the
 * configured Neo4j and rescores. bull loads this file by path, so it runs from dist/ (compiled).
 */
import { Job } from 'bull';
import { Graph } from '../../cypher/runner';
import { loadConfig } from '../../lib/config';
import { ensureNeo4j } from '../../tools/neo4j';
import { rescore, RescoreReport } from '../rescore';
import { RescoreJob } from './queue';

export default async function processRescore(job: Job<RescoreJob>): Promise<RescoreReport> {
  const graph = await Graph.connect(await ensureNeo4j(loadConfig()));
  try {
    return await rescore(graph, { full: job.data.full, log: (line) => void job.log(line) });
  } finally {
    await graph.close();
  }
}
