/**
 * The `java` command line of the embedded Neo4j: heap from the config, the module openings Neo4j 5 and
 * Netty need on Java 17, and the launcher's class path (compiled classes plus the copied jars).
 */
import path from 'node:path';
import type { Config } from '../../lib/config';

/** Main class of the launcher; also how a running launcher is recognised in /proc/PID/cmdline. */
export const LAUNCHER_CLASS = 'org.collusion.neo4j.EmbeddedNeo4j';

/** JVM options, before the class path. */
export function jvmFlags(heap: string): string[] {
  return [
    // Neo4j warns at start unless the initial heap is set; initial = max is its recommendation.
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // A JVM that ran out of heap is of no use half alive; exiting lets the next ensureNeo4j start a fresh one.
    '-XX:+ExitOnOutOfMemoryError',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
  ];
}

/**
 * Arguments for `java` that start the launcher for `config` with its DBMS home at `home`.
 * @example
 * spawn('java', javaArgs(config, launcherDir(), storePaths(config).home));
 */
export function javaArgs(config: Config, launcherDir: string, home: string): string[] {
  const classPath = [path.join(launcherDir, 'target', 'classes'), path.join(launcherDir, 'target', 'lib', '*')];
  return [
    ...jvmFlags(config.neo4j.heap),
    '-cp',
    classPath.join(path.delimiter),
    LAUNCHER_CLASS,
    '--home',
    home,
    '--port',
    String(config.neo4j.port),
    '--pagecache',
    config.neo4j.pageCache,
  ];
}
