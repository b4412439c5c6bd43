/**
 * Starting Debian's redis-server as a daemon on loopback, with an append-only file under the data directory
 * (bull's queues survive a restart) and no RDB snapshots, then waiting until it answers PING.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../lib/config';
import { ServiceUnavailableError } from '../errors';
import { runCommand } from '../internal/commands';
import { fileSize, readTail } from '../internal/files';
import { poll } from '../internal/poll';
import { isAlive } from '../internal/processes';
import { writeState, type ServiceState } from '../internal/state';
import { ping } from './ping';

/** Loopback only: the local server has no password. */
export const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;
/** A daemonised redis-server writes its pidfile once it listens; none after this long means it exited. */
const PIDFILE_GRACE_MS = 5_000;

/** Files of the local server under `<dataDir>/redis/`. */
export interface RedisPaths {
  dir: string;
  pidFile: string;
  logFile: string;
  stateFile: string;
}

/** Paths of the local server that belongs to `config.dataDir`. */
export function redisPaths(config: Config): RedisPaths {
  const dir = path.join(config.dataDir, 'redis');
  const file = (name: string): string => path.join(dir, name);
  return { dir, pidFile: file('redis-server.pid'), logFile: file('redis-server.log'), stateFile: file('state.json') };
}

/** Starts `redisServer` for `config`, waits for PING, and records the daemon's pid in the state file. */
export async function startRedisServer(
  config: Config,
  paths: RedisPaths,
  redisServer: string,
  log: (line: string) => void,
): Promise<ServiceState> {
  fs.mkdirSync(paths.dir, { recursive: true });
  fs.rmSync(paths.pidFile, { force: true });
  const port = config.redis.port;
  const url = `redis://${HOST}:${port}`;
  log(`redis: starting redis-server on ${url} (data in ${paths.dir})…`);
  const started = Date.now();
  const logOffset = fileSize(paths.logFile);
  const launch = await runCommand(redisServer, [
    ...['--port', String(port), '--bind', HOST, '--daemonize', 'yes', '--dir', paths.dir],
    ...['--pidfile', paths.pidFile, '--logfile', paths.logFile, '--appendonly', 'yes', '--save', ''],
  ]);
  if (launch.code !== 0) {
    throw new ServiceUnavailableError(
      'redis',
      `redis-server refused to start (exit ${launch.code}):\n${launch.tail.join('\n')}`,
    );
  }
  const outcome = await poll(
    async () => {
      if ((await ping(HOST, port)) === 'pong') return 'ready';
      const pid = readPid(paths.pidFile);
      const gone = pid === undefined ? Date.now() - started > PIDFILE_GRACE_MS : !isAlive(pid);
      return gone ? 'exited' : undefined;
    },
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 100 },
  );
  const pid = readPid(paths.pidFile);
  if (outcome !== 'ready' || pid === undefined) {
    const what =
      outcome === 'exited' ? 'exited while starting' : `did not answer PING within ${START_TIMEOUT_MS / 1000} s`;
    const tail = readTail(paths.logFile, 30, logOffset).join('\n');
    throw new ServiceUnavailableError(
      'redis',
      `redis-server ${what}. Full log: ${paths.logFile}; its last lines:\n${tail}`,
    );
  }
  const state = { pid, port, uri: url, startedAt: new Date().toISOString() };
  writeState(paths.stateFile, state);
  log(`redis: PONG from ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${pid})`);
  return state;
}

function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
