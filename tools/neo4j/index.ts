/**
 * The Neo4j the project talks to: the one at NEO4J_URI when set, else an embedded Neo4j Community that this
 * module builds (Maven), starts detached under `<dataDir>/neo4j/`, reuses while it runs, and stops.
 */
import type { Config } from '../../lib/config';
import { ServiceUnavailableError } from '../errors';
import { findOnPath } from '../internal/commands';
import { canConnect } from '../internal/net';
import { isOurProcess, terminate } from '../internal/processes';
import { readState, removeState, type ServiceState } from '../internal/state';
import { boltHandshake } from './bolt-handshake';
import { ensureLauncherBuilt } from './build';
import { LAUNCHER_CLASS } from './jvm';
import { storePaths } from './paths';
import { HOST, spawnLauncher, waitForBolt } from './start';

/** How to reach Neo4j, and whether this call started it. */
export interface Neo4jEndpoint {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** True for the embedded instance under the data directory, false for NEO4J_URI. */
  embedded: boolean;
  /** Pid of the embedded launcher JVM. */
  pid?: number;
  /** True when this call started the embedded instance (false when it reused one or NEO4J_URI is set). */
  startedNow: boolean;
}

type Log = (line: string) => void;

const STOP_TIMEOUT_MS = 60_000;

/**
 * Returns a Neo4j that answers: NEO4J_URI as it is, or the embedded instance of `config.dataDir`, reusing a
 * running one or building (first time) and starting it. Throws {@link ServiceUnavailableError} with the next step.
 * @example
 * const { uri } = await ensureNeo4j(loadConfig(), { log: (line) => console.error(line) });
 */
export async function ensureNeo4j(config: Config, opts: { log?: Log } = {}): Promise<Neo4jEndpoint> {
  const log = opts.log ?? (() => {});
  if (config.neo4j.uri !== undefined) {
    return { ...credentials(config), uri: config.neo4j.uri, embedded: false, startedNow: false };
  }
  const paths = storePaths(config);
  const running = runningLauncher(paths.stateFile);
  if (running !== undefined) {
    await waitForBolt(running, paths);
    if (running.port !== config.neo4j.port) {
      log(`neo4j: reusing the instance on port ${running.port} (configured: ${config.neo4j.port}); stop it to move it`);
    }
    log(`neo4j: reusing embedded Neo4j on ${running.uri} (pid ${running.pid})`);
    return endpoint(config, running, false);
  }
  removeState(paths.stateFile);
  const java = findOnPath('java');
  if (java === undefined) {
    throw new ServiceUnavailableError(
      'neo4j',
      'Java 17+ is needed for the embedded Neo4j: apt-get install openjdk-17-jre-headless, or set NEO4J_URI to a running Neo4j 5',
    );
  }
  await ensureLauncherBuilt(log);
  await assertPortFree(config.neo4j.port);
  return endpoint(config, await spawnLauncher(config, paths, java, log), true);
}

/**
 * Stops the embedded instance of `config.dataDir` (SIGTERM, up to 60 s, then SIGKILL) and removes its state file.
 * @returns true when it stopped a running embedded instance.
 * @example
 * if (await stopNeo4j(loadConfig())) console.error('neo4j stopped');
 */
export async function stopNeo4j(config: Config, opts: { log?: Log } = {}): Promise<boolean> {
  if (config.neo4j.uri !== undefined) return false;
  const { stateFile } = storePaths(config);
  const running = runningLauncher(stateFile);
  if (running !== undefined && (await terminate(running.pid, STOP_TIMEOUT_MS)) === 'killed') {
    (opts.log ?? console.warn)(
      `neo4j: pid ${running.pid} did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM and was killed; ` +
        'the store recovers from its transaction log at the next start',
    );
  }
  removeState(stateFile);
  return running !== undefined;
}

/**
 * Whether Neo4j is up: the embedded instance (its pid alive and Bolt answering), or, with NEO4J_URI set,
 * whether its host accepts connections.
 * @example
 * const { running, uri } = await neo4jStatus(loadConfig());
 */
export async function neo4jStatus(config: Config): Promise<{ running: boolean; uri?: string; pid?: number }> {
  if (config.neo4j.uri !== undefined) {
    const url = new URL(config.neo4j.uri);
    return { running: await canConnect(url.hostname, Number(url.port || 7687)), uri: config.neo4j.uri };
  }
  const running = runningLauncher(storePaths(config).stateFile);
  if (running === undefined || (await boltHandshake(HOST, running.port)) !== 'bolt') return { running: false };
  return { running: true, uri: running.uri, pid: running.pid };
}

/** The state file's launcher when its pid is alive and is our launcher JVM. */
function runningLauncher(stateFile: string): ServiceState | undefined {
  const state = readState(stateFile);
  return state !== undefined && isOurProcess(state.pid, LAUNCHER_CLASS) ? state : undefined;
}

async function assertPortFree(port: number): Promise<void> {
  const answer = await boltHandshake(HOST, port);
  if (answer === 'bolt') {
    throw new ServiceUnavailableError(
      'neo4j',
      `a Neo4j not started for this data directory already answers on ${HOST}:${port}: ` +
        `set NEO4J_URI=bolt://${HOST}:${port} to use it, or COLLUSION_NEO4J_PORT to a free port`,
    );
  }
  if (answer === 'other') {
    throw new ServiceUnavailableError(
      'neo4j',
      `port ${port} on ${HOST} is in use by a program that is not Neo4j: ` +
        'set COLLUSION_NEO4J_PORT to a free port, or NEO4J_URI to a running Neo4j 5',
    );
  }
}

function credentials(config: Config): Pick<Neo4jEndpoint, 'user' | 'password' | 'database'> {
  return { user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database };
}

function endpoint(config: Config, state: ServiceState, startedNow: boolean): Neo4jEndpoint {
  return { ...credentials(config), uri: state.uri, embedded: true, pid: state.pid, startedNow };
}
