/**
 * Finding `redis-server`, and installing Debian's package when it is missing and we may (root with apt-get),
 * so a fresh machine gets a working local Redis with no manual step.
 */
import { ServiceUnavailableError } from '../errors';
import { findOnPath, runCommand, type CommandResult } from '../internal/commands';

const HOW_TO = 'install it (apt-get install redis-server) or set REDIS_URL to a running Redis';

/**
 * Returns the path of `redis-server`, installing it with apt-get first when it is missing and we run as root.
 * @example
 * const redisServer = await ensureRedisServerBinary((line) => console.error(line));
 */
export async function ensureRedisServerBinary(log: (line: string) => void): Promise<string> {
  const found = findOnPath('redis-server');
  if (found !== undefined) return found;
  const aptGet = findOnPath('apt-get');
  if (aptGet === undefined || process.getuid?.() !== 0) {
    throw new ServiceUnavailableError('redis', `redis-server is not installed: ${HOW_TO}`);
  }
  log('redis: redis-server is not installed; installing it with apt-get install -y redis-server…');
  const apt = (args: string[]): Promise<CommandResult> =>
    runCommand(aptGet, ['-y', '-q', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      log: (line) => log(`apt-get: ${line}`),
    });
  let result = await apt(['install', 'redis-server']);
  if (result.code !== 0) {
    log('redis: apt-get install failed; refreshing the package lists (apt-get update) and trying again…');
    const update = await apt(['update']);
    if (update.code === 0) result = await apt(['install', 'redis-server']);
    else result = update;
  }
  const installed = findOnPath('redis-server');
  if (result.code !== 0 || installed === undefined) {
    throw new ServiceUnavailableError(
      'redis',
      `apt-get could not install redis-server (exit ${result.code}); ${HOW_TO}. Its last lines:\n${result.tail.join('\n')}`,
    );
  }
  log(`redis: installed ${installed}`);
  return installed;
}
