/**
 * One import for test files that need the services: the configuration that test/global-setup.ts prepared
 * (its throw-away data directory, and NEO4J_URI/REDIS_URL of the services it started or was given).
 */
import { loadConfig, type Config } from '../lib/config';

/**
 * The configuration of the current test run.
 * @example
 * const { neo4j } = testConfig(); // neo4j.uri is the Neo4j started for this run
 */
export function testConfig(): Config {
  return loadConfig();
}
