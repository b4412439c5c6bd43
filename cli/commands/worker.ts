/**
 * `collusion worker`: process the load, rescore and webhook jobs from Redis (the same processors
 * `collusion serve` runs in-process, see api/processors.ts); run more of them on more machines.
 * Workers elsewhere need the API's data directory (shared storage) to read uploads, and the same
 * COLLUSION_ID_HASH_KEY so that ID numbers hash alike.
 */
import { Command } from 'commander';
import { startProcessors } from '../../api/processors';
import { closeQueues, openQueues } from '../../api/queues';
import { Graph } from '../../cypher/runner';
import { loadConfig } from '../../lib/config';
import { ensureNeo4j } from '../../tools/neo4j';
import { ensureRedis } from '../../tools/redis';
import { say } from '../context';

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'process load, rescoring and webhook jobs (bull on Redis) until stopped; start more workers to scale out',
    )
    .action(async () => {
      const config = loadConfig();
      const graph = await Graph.connect(await ensureNeo4j(config, { log: say }));
      const redis = await ensureRedis(config, { log: say });
      const queues = openQueues(redis.url);
      try {
        await graph.applySchema();
        startProcessors({
          graph,
          config,
          queues,
          report: (event) => say(`${event.queue} job ${event.job} ${event.outcome}: ${event.detail}`),
        });
      } catch (error) {
        await closeQueues(queues);
        await graph.close();
        throw error;
      }
      say(`worker: waiting for load, rescore and webhook jobs on ${redis.url} (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      say('worker: finishing the jobs in hand…');
      await closeQueues(queues);
      await graph.close();
    });
}
