/**
 * The benchmarks' command line (`npm run bench:x -- --name value`) and the API server the API and
 * case-file benchmarks measure: their own data dir and ports unless the environment names others.
 */
import path from 'node:path';
import { startServer } from '../api/server';
import { loadPaths } from '../ingest/load';
import { IdHasher } from '../ingest/normalise/id-number';
import { loadConfig } from '../lib/config';

/** The value after `--name`, else undefined. */
export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : undefined;
}

/**
 * Starts the API (no worker) on `data/bench` (Neo4j 7697, Redis 6397), with rate limits out of the
 * way, and loads `--file` first when given.
 */
export async function startBenchServer() {
  process.env.COLLUSION_DATA_DIR ??= path.resolve('data', 'bench');
  process.env.COLLUSION_NEO4J_PORT ??= '7697';
  process.env.COLLUSION_REDIS_PORT ??= '6397';
  process.env.COLLUSION_RATE_LIMIT ??= '100000000';
  process.env.LOG_LEVEL ??= 'warn';
  const config = loadConfig();
  const server = await startServer(config, { port: 0, worker: false, log: (l) => console.error(l) });
  const file = option('file');
  try {
    if (file) {
      console.error(`loading ${file}…`);
      await loadPaths(server.deps.graph, [file], IdHasher.forDataDir(config.dataDir, config.idHashKey), {
        reportDir: path.join(config.dataDir, 'loads'),
      });
    }
  } catch (error) {
    await server.close();
    throw error;
  }
  return { config, server, graph: server.deps.graph, loaded: file !== undefined };
}
