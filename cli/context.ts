/**
 * What most subcommands need: the configuration, and a connected Graph on the configured Neo4j
 * (the embedded one is started, or reused, when NEO4J_URI is unset).
 */
import { Graph } from '../cypher/runner';
import { Config, loadConfig } from '../lib/config';
import { ensureNeo4j } from '../tools/neo4j';
import { Services, up } from '../tools/services';

/** Progress lines for a person go to stderr, so that stdout stays machine-readable. */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs `work` with a connected graph and closes the connection afterwards. */
export async function withGraph<T>(work: (graph: Graph, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const endpoint = await ensureNeo4j(config, { log: say });
  const graph = await Graph.connect(endpoint);
  try {
    return await work(graph, config);
  } finally {
    await graph.close();
  }
}

/** Starts (or checks) both services, then runs `work` with a graph whose schema is applied. */
export async function withServices<T>(
  work: (graph: Graph, services: Services, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const services = await up(config, { log: say });
  const graph = await Graph.connect(services.neo4j);
  try {
    await graph.applySchema();
    return await work(graph, services, config);
  } finally {
    await graph.close();
  }
}
