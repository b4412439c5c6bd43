/**
 * The Redis the project's job queue uses: the one at REDIS_URL when set, else Debian's redis-server started
 * as a daemon on loopback under `<dataDir>/redis/` (installed first when missing and we are root), reused
 * while it runs, and stopped.
 */
import type { Config } from '../../lib/config';
import { ServiceUnavailableError } from '../errors';
import { canConnect } from '../internal/net';
import { poll } from '../internal/poll';
import { isOurProcess, terminate } from '../internal/processes';
import { readState, removeState, type ServiceState } from '../internal/state';
import { ensureRedisServerBinary } from './install';
import { ping } from './ping';
import { HOST, redisPaths, startRedisServer } from './start';

/** How to reach Redis, and whether this call started it. */
export interface RedisEndpoint {
  url: string;
  /** True for the local server under the data directory, false for REDIS_URL. */
  embedded: boolean;
  /** Pid of the local redis-server. */
  pid?: number;
  /** True when this call started the local server (false when it reused one or REDIS_URL is set). */
  startedNow: boolean;
}

type Log = (line: string) => void;

const REUSE_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Returns a Redis that answers: REDIS_URL as it is, or the local server of `config.dataDir`, reusing a running
 * one or starting it. Throws {@link ServiceUnavailableError} with the next step.
 * @example
 * const { url } = await ensureRedis(loadConfig(), { log: (line) => console.error(line) });
 */
export async function ensureRedis(config: Config, opts: { log?: Log } = {}): Promise<RedisEndpoint> {
  const log = opts.log ?? (() => {});
  if (config.redis.url !== undefined) return { url: config.redis.url, embedded: false, startedNow: false };
  const paths = redisPaths(config);
  const running = runningServer(paths.stateFile);
  if (running !== undefined) {
    if (await answersPing(running.port, REUSE_TIMEOUT_MS)) {
      log(`redis: reusing redis-server on ${running.uri} (pid ${running.pid})`);
      return { url: running.uri, embedded: true, pid: running.pid, startedNow: false };
    }
    throw new ServiceUnavailableError(
      'redis',
      `redis-server pid ${running.pid} runs but does not answer PING on port ${running.port}; see ${paths.logFile}`,
    );
  }
  removeState(paths.stateFile);
  const redisServer = await ensureRedisServerBinary(log);
  await assertPortFree(config.redis.port);
  const state = await startRedisServer(config, paths, redisServer, log);
  return { url: state.uri, embedded: true, pid: state.pid, startedNow: true };
}

/**
 * Stops the local server of `config.dataDir` with SIGTERM (it flushes its append-only file), waiting up to
 * 30 s before SIGKILL.
 * @returns true when it stopped a running local server.
 * @example
 * await stopRedis(loadConfig());
 */
export async function stopRedis(config: Config, opts: { log?: Log } = {}): Promise<boolean> {
  if (config.redis.url !== undefined) return false;
  const { stateFile } = redisPaths(config);
  const running = runningServer(stateFile);
  if (running !== undefined && (await terminate(running.pid, STOP_TIMEOUT_MS)) === 'killed') {
    (opts.log ?? console.warn)(
      `redis: pid ${running.pid} did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM and was killed`,
    );
  }
  removeState(stateFile);
  return running !== undefined;
}

/**
 * Whether Redis is up: the local server (pid alive and PING answered), or, with REDIS_URL set, whether its
 * host accepts connections.
 * @example
 * const { running, url } = await redisStatus(loadConfig());
 */
export async function redisStatus(config: Config): Promise<{ running: boolean; url?: string; pid?: number }> {
  if (config.redis.url !== undefined) {
    const url = new URL(config.redis.url);
    return { running: await canConnect(url.hostname, Number(url.port || 6379)), url: config.redis.url };
  }
  const running = runningServer(redisPaths(config).stateFile);
  if (running === undefined || (await ping(HOST, running.port)) !== 'pong') return { running: false };
  return { running: true, url: running.uri, pid: running.pid };
}

/** The state file's server when its pid is alive and is a redis-server. */
function runningServer(stateFile: string): ServiceState | undefined {
  const state = readState(stateFile);
  return state !== undefined && isOurProcess(state.pid, 'redis-server') ? state : undefined;
}

/** Waits for PONG: a server that is loading its append-only file answers -LOADING until it is done. */
async function answersPing(port: number, timeoutMs: number): Promise<boolean> {
  const pong = await poll(async () => ((await ping(HOST, port)) === 'pong' ? true : undefined), {
    timeoutMs,
    intervalMs: 200,
  });
  return pong === true;
}

async function assertPortFree(port: number): Promise<void> {
  const answer = await ping(HOST, port);
  if (answer === 'pong' || answer === 'redis') {
    throw new ServiceUnavailableError(
      'redis',
      `a Redis not started for this data directory already answers on ${HOST}:${port}: ` +
        `set REDIS_URL=redis://${HOST}:${port} to use it, or COLLUSION_REDIS_PORT to a free port`,
    );
  }
  if (answer === 'other') {
    throw new ServiceUnavailableError(
      'redis',
      `port ${port} on ${HOST} is in use by a program that is not Redis: set COLLUSION_REDIS_PORT to a free port`,
    );
  }
}
