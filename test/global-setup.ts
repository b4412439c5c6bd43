/**
 * Jest global setup: starts the services once for the whole run under a throw-away data directory (or uses
 * NEO4J_URI/REDIS_URL when the caller set them), and passes them to the test workers through the environment.
 * What it started is recorded in a file for test/global-teardown.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../lib/config';
import { freePorts } from '../tools/internal/net';
import { up, type Services } from '../tools/services';

/** Environment variable naming the JSON file that tells global-teardown what to stop and remove. */
export const RUN_FILE_ENV = 'COLLUSION_TEST_RUN_FILE';

/** What global-teardown needs to undo global-setup. */
export interface TestRun {
  dataDir: string;
  neo4jPort: number;
  redisPort: number;
  startedNeo4j: boolean;
  startedRedis: boolean;
}

const log = (line: string): void => {
  process.stderr.write(`[global-setup] ${line}\n`);
};

/** Starts (or adopts) Neo4j and Redis for the run and exports NEO4J_URI, REDIS_URL and COLLUSION_* to the workers. */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-test-'));
  const [neo4jPort, redisPort] = await freePorts(2);
  Object.assign(process.env, {
    COLLUSION_DATA_DIR: dataDir,
    COLLUSION_NEO4J_PORT: String(neo4jPort),
    COLLUSION_REDIS_PORT: String(redisPort),
    COLLUSION_NEO4J_HEAP: '1g',
    COLLUSION_NEO4J_PAGECACHE: '256m',
  });
  const config = loadConfig();
  log(`data directory ${dataDir}`);
  log(config.neo4j.uri ? `using NEO4J_URI ${config.neo4j.uri}` : `starting embedded Neo4j on port ${neo4jPort}…`);
  log(config.redis.url ? `using REDIS_URL ${config.redis.url}` : `starting redis-server on port ${redisPort}…`);
  let services: Services;
  try {
    services = await up(config, { log });
  } catch (error) {
    // up() has already stopped whatever it started; Jest runs no teardown after a failed setup.
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const run: TestRun = {
    dataDir,
    neo4jPort,
    redisPort,
    startedNeo4j: services.neo4j.embedded,
    startedRedis: services.redis.embedded,
  };
  const runFile = path.join(dataDir, 'test-run.json');
  fs.writeFileSync(runFile, JSON.stringify(run, null, 2) + '\n');
  Object.assign(process.env, { [RUN_FILE_ENV]: runFile, NEO4J_URI: services.neo4j.uri, REDIS_URL: services.redis.url });
  log(`services ready: NEO4J_URI=${services.neo4j.uri} REDIS_URL=${services.redis.url}`);
}
