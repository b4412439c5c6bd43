/**
 * Where the embedded Neo4j's pieces live: the Maven launcher inside the checkout (under the project root, so
 * it works from tools/neo4j/ under jest and from dist/tools/neo4j/ once compiled) and
 * the store, state file and log under the data directory.
 */
import path from 'node:path';
import type { Config } from '../../lib/config';
import { projectRoot } from '../../lib/paths';

/** Directory of the Maven launcher project (holds pom.xml, src/ and, once built, target/). */
export function launcherDir(): string {
  return path.join(projectRoot(), 'tools', 'neo4j');
}

/** Files of one embedded instance under `<dataDir>/neo4j/`. */
export interface StorePaths {
  /** The DBMS home: Neo4j writes data/ and logs/ below it. */
  home: string;
  /** `{pid, port, uri, startedAt}` of the running instance. */
  stateFile: string;
  /** The launcher JVM's stdout and stderr. */
  logFile: string;
}

/** Paths of the embedded instance that belongs to `config.dataDir`. */
export function storePaths(config: Config): StorePaths {
  const home = path.join(config.dataDir, 'neo4j');
  return { home, stateFile: path.join(home, 'launcher.json'), logFile: path.join(home, 'launcher.log') };
}
