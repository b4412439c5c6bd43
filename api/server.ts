/**
 * `collusion serve` and `npm start`: bring the services up, open the graph, the queues and the
 * audit log, make sure a local admin key exists (created on first start, kept in the data dir,
 * printed so the person who started the demo can use it), and listen. Unless told otherwise it
 * also runs the job processors in-process, so a single machine needs no separate worker.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { Graph } from '../cypher/runner';
import { Config } from '../lib/config';
import { up } from '../tools/services';
import { createApp } from './app';
import { AuditLog, auditFile } from './audit/log';
import { cachedKeyLookup } from './auth';
import type { ApiDeps } from './deps';
import { createKey, findKey } from './keys/store';
import { startProcessors } from './processors';
import { closeQueues, openQueues } from './queues';

export interface RunningServer {
  url: string;
  adminKey: string;
  deps: ApiDeps;
  close(): Promise<void>;
}

/** The local admin key: read from `<dataDir>/secrets/admin.key`, or created (again) when missing or unknown. */
async function localAdminKey(graph: Graph, config: Config): Promise<{ key: string; created: boolean }> {
  const file = path.join(config.dataDir, 'secrets', 'admin.key');
  if (fs.existsSync(file)) {
    const key = fs.readFileSync(file, 'utf8').trim();
    if (await findKey(graph, key)) return { key, created: false };
  }
  const { key } = await createKey(graph, { name: `local-admin-${Date.now().toString(36)}`, role: 'admin' });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, created: true };
}

export async function startServer(
  config: Config,
  options: { port?: number; worker?: boolean; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  const say = options.log ?? (() => undefined);
  const services = await up(config, { log: say });
  const graph = await Graph.connect(services.neo4j);
  await graph.applySchema();
  const queues = openQueues(services.redis.url);
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', '*.key', '*.secret'] });
  const deps: ApiDeps = {
    graph,
    config,
    redisUrl: services.redis.url,
    queues,
    audit: AuditLog.open(auditFile(config)),
    findKey: cachedKeyLookup(graph),
    log: logger,
    rateLimit: config.api.rateLimit,
  };
  if (options.worker !== false) {
    try {
      startProcessors({
        graph,
        config,
        queues,
        report: (event) =>
          logger[event.outcome === 'failed' ? 'warn' : 'debug'](event, `${event.queue} job ${event.outcome}`),
      });
    } catch (error) {
      await closeQueues(queues);
      await graph.close();
      throw error;
    }
  }
  const admin = await localAdminKey(graph, config);
  const server = http.createServer(createApp(deps));
  const port = options.port ?? config.api.port;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is taken; stop what uses it or set PORT (or --port) to another one`)
          : error,
      ),
    );
    server.listen(port, config.api.host, () => resolve());
  });
  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    adminKey: admin.key,
    deps,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeQueues(queues);
      await graph.close();
    },
  };
}
