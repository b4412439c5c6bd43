/**
 * Spawning the launcher JVM detached (it outlives the Node process that started it) and waiting until Bolt
 * answers, with the log's last lines in the error when it dies or hangs instead.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Config } from '../../lib/config';
import { ServiceUnavailableError } from '../errors';
import { fileSize, readTail } from '../internal/files';
import { poll } from '../internal/poll';
import { isAlive, terminate } from '../internal/processes';
import { removeState, writeState, type ServiceState } from '../internal/state';
import { boltHandshake } from './bolt-handshake';
import { javaArgs } from './jvm';
import { launcherDir, type StorePaths } from './paths';

/** Loopback only: the embedded store has authentication disabled. */
export const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 120_000;
const TAIL_LINES = 30;

/** Starts the launcher with the `java` at `javaPath`, records it in the state file and waits for Bolt. */
export async function spawnLauncher(
  config: Config,
  paths: StorePaths,
  javaPath: string,
  log: (line: string) => void,
): Promise<ServiceState> {
  fs.mkdirSync(paths.home, { recursive: true });
  const args = javaArgs(config, launcherDir(), paths.home);
  const logOffset = fileSize(paths.logFile);
  const fd = fs.openSync(paths.logFile, 'a');
  fs.writeSync(fd, `--- ${new Date().toISOString()} ${javaPath} ${args.join(' ')}\n`);
  const child = spawn(javaPath, args, { cwd: paths.home, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  child.unref();
  if (child.pid === undefined) {
    throw new ServiceUnavailableError('neo4j', `could not run ${javaPath}; check that it is a working Java 17+`);
  }
  const uri = `bolt://${HOST}:${config.neo4j.port}`;
  const state = { pid: child.pid, port: config.neo4j.port, uri, startedAt: new Date().toISOString() };
  writeState(paths.stateFile, state);
  log(
    `neo4j: starting embedded Neo4j on ${uri} (store ${paths.home}, heap ${config.neo4j.heap}, page cache ${config.neo4j.pageCache})…`,
  );
  const started = Date.now();
  await waitForBolt(state, paths, logOffset);
  log(`neo4j: Bolt answers on ${uri} after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${state.pid})`);
  return state;
}

/**
 * Waits until the launcher `state.pid` answers the Bolt handshake on `state.port`. When it exits first, or is
 * still silent after 120 s (then it is stopped), the state file is removed and the error shows the log's end.
 */
export async function waitForBolt(state: ServiceState, paths: StorePaths, logOffset = 0): Promise<void> {
  const outcome = await poll(
    async () => {
      if (!isAlive(state.pid)) return 'exited';
      return (await boltHandshake(HOST, state.port)) === 'bolt' ? 'ready' : undefined;
    },
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 250 },
  );
  if (outcome === 'ready') return;
  if (outcome === undefined) await terminate(state.pid, 60_000);
  removeState(paths.stateFile);
  const tail = readTail(paths.logFile, TAIL_LINES, logOffset);
  const reason = tail.find((line) => line.startsWith('FAILED: '))?.slice('FAILED: '.length);
  const what =
    outcome === 'exited'
      ? `the embedded Neo4j exited while starting${reason ? `: ${reason}` : ''}`
      : `the embedded Neo4j did not answer on Bolt within ${START_TIMEOUT_MS / 1000} s and was stopped`;
  throw new ServiceUnavailableError(
    'neo4j',
    `${what}. Full log: ${paths.logFile}; its last lines:\n${tail.join('\n')}`,
  );
}
