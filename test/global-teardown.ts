/**
 * Jest global teardown: stops the services that test/global-setup.ts started and removes its throw-away
 * data directory. Services given through NEO4J_URI/REDIS_URL are left alone.
 */
import fs from 'node:fs';
import { loadConfig, type Config } from '../lib/config';
import { stopNeo4j } from '../tools/neo4j';
import { stopRedis } from '../tools/redis';
import { RUN_FILE_ENV, type TestRun } from './global-setup';

const log = (line: string): void => {
  process.stderr.write(`[global-teardown] ${line}\n`);
};

/** Stops what global-setup started and deletes the run's data directory. */
export default async function globalTeardown(): Promise<void> {
  const runFile = process.env[RUN_FILE_ENV];
  if (runFile === undefined || !fs.existsSync(runFile)) return;
  const run = JSON.parse(fs.readFileSync(runFile, 'utf8')) as TestRun;
  const base = loadConfig();
  // The local services are addressed by data directory and port, not by the URLs setup exported.
  const local: Config = {
    ...base,
    dataDir: run.dataDir,
    neo4j: { ...base.neo4j, uri: undefined, port: run.neo4jPort },
    redis: { ...base.redis, url: undefined, port: run.redisPort },
  };
  const stops: Promise<void>[] = [];
  if (run.startedNeo4j) {
    stops.push(stopNeo4j(local, { log }).then((was) => log(`embedded Neo4j ${was ? 'stopped' : 'was not running'}`)));
  }
  if (run.startedRedis) {
    stops.push(stopRedis(local, { log }).then((was) => log(`redis-server ${was ? 'stopped' : 'was not running'}`)));
  }
  await Promise.all(stops);
  fs.rmSync(run.dataDir, { recursive: true, force: true });
}
