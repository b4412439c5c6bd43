// The local redis-server for real: its own data directory and port (not the run's global instance), a server
// that starts, answers a client, is reused, reports its status and stops.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { loadConfig, type Config } from '../../lib/config';
import { freePorts } from '../internal/net';
import { isAlive } from '../internal/processes';
import { ensureRedis, redisStatus, stopRedis } from './index';
import { ping } from './ping';

function localConfig(dataDir: string, port: number): Config {
  const base = loadConfig();
  return { ...base, dataDir, redis: { url: undefined, port } };
}

describe('local redis-server', () => {
  let dataDir: string;
  let config: Config;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-redis-test-'));
    const [port] = await freePorts(1);
    config = localConfig(dataDir, port);
  });

  afterAll(async () => {
    await stopRedis(config);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, answers a client, is reused, reports its status and stops', async () => {
    const first = await ensureRedis(config);
    expect(first).toMatchObject({ url: `redis://127.0.0.1:${config.redis.port}`, embedded: true, startedNow: true });
    const client = new Redis(first.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      expect(await client.ping()).toBe('PONG');
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
    } finally {
      client.disconnect();
    }
    expect(fs.existsSync(path.join(dataDir, 'redis', 'redis-server.pid'))).toBe(true);

    const second = await ensureRedis(config);
    expect(second).toMatchObject({ pid: first.pid, startedNow: false });
    expect(await redisStatus(config)).toEqual({ running: true, url: first.url, pid: first.pid });

    expect(await stopRedis(config)).toBe(true);
    expect(isAlive(first.pid as number)).toBe(false);
    expect(await ping('127.0.0.1', config.redis.port)).toBe('closed');
    expect(await redisStatus(config)).toEqual({ running: false });
    expect(await stopRedis(config)).toBe(false);
  });

  it('returns REDIS_URL as it is, without starting anything', async () => {
    const external = { ...config, redis: { ...config.redis, url: 'rediss://cache.example:6380' } };
    expect(await ensureRedis(external)).toEqual({
      url: 'rediss://cache.example:6380',
      embedded: false,
      startedNow: false,
    });
  });

  it('refuses a port that another program holds', async () => {
    const server = net.createServer((socket) => socket.resume().end('hello\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expect(ensureRedis(localConfig(dataDir, port))).rejects.toThrow(/in use by a program that is not Redis/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
