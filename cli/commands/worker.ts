/** `collusion worker`: process rescoring jobs from Redis; run more of them on more machines. */
import { Command } from 'commander';
import { rescoreQueue, processRescores } from '../../engine/jobs/queue';
import { loadConfig } from '../../lib/config';
import { ensureRedis } from '../../tools/redis';
import { ensureNeo4j } from '../../tools/neo4j';
import { say } from '../context';

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description('process rescoring jobs (bull on Redis) until stopped; start more workers to scale out')
    .action(async () => {
      const config = loadConfig();
      await ensureNeo4j(config, { log: say });
      const redis = await ensureRedis(config, { log: say });
      const queue = rescoreQueue(redis.url);
      queue.on('completed', (job, result: { mode: string; flags: number; phases: { total: number } }) =>
        say(`rescore job ${job.id}: ${result.mode}, ${result.flags} flags, ${result.phases.total} ms`),
      );
      queue.on('failed', (job, error) => say(`rescore job ${job.id} failed: ${error.message}`));
      say(`worker: waiting for rescoring jobs on ${redis.url} (Ctrl-C to stop)`);
      const stop = async () => {
        await queue.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await processRescores(queue);
    });
}
