/**
 * Builds the Java launcher with Maven when it is missing or older than its sources: the first build
 * downloads Neo4j (about 214 jars, 116 MB) into ~/.m2 and copies them to target/lib.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ServiceUnavailableError } from '../errors';
import { findOnPath, runCommand } from '../internal/commands';
import { launcherDir } from './paths';

const STAMP = '.build-stamp';
const HEARTBEAT_MS = 15_000;

/** True when target/classes and target/lib exist and the last build is newer than pom.xml and src/. */
export function isLauncherBuilt(dir = launcherDir()): boolean {
  const stamp = path.join(dir, 'target', STAMP);
  if (![stamp, path.join(dir, 'target', 'classes'), path.join(dir, 'target', 'lib')].every((p) => fs.existsSync(p))) {
    return false;
  }
  const builtAt = fs.statSync(stamp).mtimeMs;
  return newestMtime([path.join(dir, 'pom.xml'), path.join(dir, 'src')]) <= builtAt;
}

/**
 * Runs `mvn package dependency:copy-dependencies` when {@link isLauncherBuilt} says so; Maven's output goes to `log`.
 * @example
 * await ensureLauncherBuilt((line) => process.stderr.write(line + '\n'));
 */
export async function ensureLauncherBuilt(log: (line: string) => void = () => {}): Promise<void> {
  const dir = launcherDir();
  if (isLauncherBuilt(dir)) return;
  const mvn = findOnPath('mvn');
  if (mvn === undefined) {
    throw new ServiceUnavailableError(
      'neo4j',
      'Maven is needed once to build the embedded Neo4j launcher: apt-get install maven, or set NEO4J_URI to a running Neo4j 5',
    );
  }
  log('neo4j: building the embedded Neo4j launcher with Maven (the first build downloads ~116 MB, 1-2 minutes)…');
  const started = Date.now();
  const heartbeat = setInterval(
    () => log(`neo4j: still building (${Math.round((Date.now() - started) / 1000)} s)…`),
    HEARTBEAT_MS,
  );
  const args = ['-B', '-q', '-f', path.join(dir, 'pom.xml'), 'package'];
  args.push('dependency:copy-dependencies', '-DoutputDirectory=target/lib', '-DincludeScope=runtime');
  const result = await runCommand(mvn, args, { cwd: dir, log: (line) => log(`mvn: ${line}`) }).finally(() =>
    clearInterval(heartbeat),
  );
  if (result.code !== 0) {
    throw new ServiceUnavailableError(
      'neo4j',
      `the Maven build of the embedded Neo4j launcher failed (exit ${result.code}); fix the cause below and retry, ` +
        `or set NEO4J_URI to a running Neo4j 5:\n${result.tail.join('\n')}`,
    );
  }
  fs.writeFileSync(path.join(dir, 'target', STAMP), new Date().toISOString() + '\n');
  log(`neo4j: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const stat = fs.statSync(p);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestMtime(fs.readdirSync(p).map((name) => path.join(p, name))));
    }
  }
  return newest;
}
