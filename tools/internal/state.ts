/**
 * State files of the services we start (`<dataDir>/neo4j/launcher.json`, `<dataDir>/redis/state.json`): which
 * pid serves which port, so a later start reuses a running instance and a stop knows what to stop.
 */
import fs from 'node:fs';

/** What is recorded about a started service. */
export interface ServiceState {
  pid: number;
  port: number;
  uri: string;
  /** ISO timestamp. */
  startedAt: string;
}

/** Reads the state file; undefined when it is missing or unreadable. */
export function readState(file: string): ServiceState | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ServiceState>;
    if (typeof value.pid === 'number' && typeof value.port === 'number' && typeof value.uri === 'string') {
      return { pid: value.pid, port: value.port, uri: value.uri, startedAt: String(value.startedAt) };
    }
  } catch {
    // missing or torn: treated as no state
  }
  return undefined;
}

/** Writes the state file atomically (write, then rename). */
export function writeState(file: string, state: ServiceState): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state, null, 2) + '\n');
  fs.renameSync(temp, file);
}

/** Removes the state file if it exists. */
export function removeState(file: string): void {
  fs.rmSync(file, { force: true });
}
