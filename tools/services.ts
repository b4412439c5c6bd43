/**
 * Both local services at once, for `collusion up`/`down` and the test setup: Neo4j and Redis start in parallel,
 * and when one of them fails the other is stopped again if this call started it.
 */
import type { Config } from '../lib/config';
import { ensureNeo4j, stopNeo4j, type Neo4jEndpoint } from './neo4j';
import { ensureRedis, stopRedis, type RedisEndpoint } from './redis';

/** Where the project's services answer. */
export interface Services {
  neo4j: Neo4jEndpoint;
  redis: RedisEndpoint;
}

/**
 * Ensures Neo4j and Redis (external URLs as they are, else the local ones under `config.dataDir`).
 * @example
 * const { neo4j, redis } = await up(loadConfig(), { log: (line) => console.error(line) });
 */
export async function up(config: Config, opts: { log?: (line: string) => void } = {}): Promise<Services> {
  const [neo4j, redis] = await Promise.allSettled([ensureNeo4j(config, opts), ensureRedis(config, opts)]);
  if (neo4j.status === 'fulfilled' && redis.status === 'fulfilled') return { neo4j: neo4j.value, redis: redis.value };
  if (neo4j.status === 'fulfilled' && neo4j.value.startedNow) await stopNeo4j(config, opts);
  if (redis.status === 'fulfilled' && redis.value.startedNow) await stopRedis(config, opts);
  const failures = [neo4j, redis].filter((result) => result.status === 'rejected').map((result) => result.reason);
  throw failures.length === 1 ? failures[0] : new AggregateError(failures, failures.map(String).join('\n'));
}

/**
 * Stops the local Neo4j and Redis of `config.dataDir` (external services are left alone).
 * @returns which of them were running and are now stopped.
 * @example
 * await down(loadConfig());
 */
export async function down(
  config: Config,
  opts: { log?: (line: string) => void } = {},
): Promise<{ neo4j: boolean; redis: boolean }> {
  const [neo4j, redis] = await Promise.all([stopNeo4j(config, opts), stopRedis(config, opts)]);
  return { neo4j, redis };
}
