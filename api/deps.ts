/**
 * What the API's handlers need, passed in (not imported as singletons) so that tests and the
 * server build the app the same way: the graph, the queues, the audit log, the key lookup, a logger.
 */
import type { Logger } from 'pino';
import type { Graph } from '../cypher/runner';
import type { Config } from '../lib/config';
import type { AuditLog } from './audit/log';
import type { ApiKey } from './keys/store';
import type { Queues } from './queues';

export interface ApiDeps {
  graph: Graph;
  config: Config;
  redisUrl: string;
  queues: Queues;
  audit: AuditLog;
  /** The key a presented secret stands for (cached briefly), or undefined. */
  findKey(presented: string): Promise<ApiKey | undefined>;
  log: Logger;
  /** Requests per minute per key (`COLLUSION_RATE_LIMIT`). */
  rateLimit: number;
}
