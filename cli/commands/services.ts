/** `collusion up` and `collusion down`: the embedded Neo4j and local Redis (when not configured away). */
import { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { down } from '../../tools/services';
import { withServices } from '../context';

export function servicesCommands(program: Command): void {
  program
    .command('up')
    .description('start the embedded Neo4j and local Redis (or check NEO4J_URI / REDIS_URL), apply the schema')
    .action(async () => {
      const services = await withServices(async (_graph, started) => started);
      const origin = (embedded: boolean, startedNow: boolean) =>
        !embedded ? 'configured' : startedNow ? 'embedded, started' : 'embedded, already running';
      console.log(`neo4j  ${services.neo4j.uri}  (${origin(services.neo4j.embedded, services.neo4j.startedNow)})`);
      console.log(`redis  ${services.redis.url}  (${origin(services.redis.embedded, services.redis.startedNow)})`);
    });

  program
    .command('down')
    .description('stop the embedded Neo4j and local Redis started by `up` (configured services are left alone)')
    .action(async () => {
      const stopped = await down(loadConfig());
      console.log(`neo4j  ${stopped.neo4j ? 'stopped' : 'was not running'}`);
      console.log(`redis  ${stopped.redis ? 'stopped' : 'was not running'}`);
    });
}
