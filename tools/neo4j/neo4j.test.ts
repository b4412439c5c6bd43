// The embedded Neo4j for real: its own data directory and port (not the run's global instance), a JVM that
// starts, is reused, reports its status and stops; and the errors a user meets first.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../lib/config';
import { ServiceUnavailableError } from '../errors';
import { freePorts } from '../internal/net';
import { isAlive } from '../internal/processes';
import { boltHandshake } from './bolt-handshake';
import { ensureLauncherBuilt } from './build';
import { ensureNeo4j, neo4jStatus, stopNeo4j } from './index';

function localConfig(dataDir: string, port: number): Config {
  const base = loadConfig();
  return { ...base, dataDir, neo4j: { ...base.neo4j, uri: undefined, port, heap: '1g', pageCache: '256m' } };
}

describe('embedded Neo4j', () => {
  let dataDir: string;
  let config: Config;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-neo4j-test-'));
    const [port] = await freePorts(1);
    config = localConfig(dataDir, port);
    await ensureLauncherBuilt();
  });

  afterAll(async () => {
    await stopNeo4j(config);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, is reused, reports its status and stops', async () => {
    const first = await ensureNeo4j(config);
    expect(first).toMatchObject({ uri: `bolt://127.0.0.1:${config.neo4j.port}`, embedded: true, startedNow: true });
    expect(await boltHandshake('127.0.0.1', config.neo4j.port)).toBe('bolt');
    expect(fs.existsSync(path.join(dataDir, 'neo4j', 'data', 'databases', 'neo4j'))).toBe(true);

    const second = await ensureNeo4j(config);
    expect(second).toMatchObject({ pid: first.pid, startedNow: false });
    expect(await neo4jStatus(config)).toEqual({ running: true, uri: first.uri, pid: first.pid });

    expect(await stopNeo4j(config)).toBe(true);
    expect(isAlive(first.pid as number)).toBe(false);
    expect(await boltHandshake('127.0.0.1', config.neo4j.port)).toBe('closed');
    expect(await neo4jStatus(config)).toEqual({ running: false });
    expect(fs.existsSync(path.join(dataDir, 'neo4j', 'launcher.json'))).toBe(false);
    expect(await stopNeo4j(config)).toBe(false);
  });

  it('returns NEO4J_URI as it is, without starting anything', async () => {
    const external = { ...config, neo4j: { ...config.neo4j, uri: 'neo4j+s://graph.example:7687' } };
    expect(await ensureNeo4j(external)).toMatchObject({ uri: 'neo4j+s://graph.example:7687', embedded: false });
    expect(fs.existsSync(path.join(dataDir, 'neo4j', 'launcher.json'))).toBe(false);
  });

  it('says that Java is needed when java is not on PATH', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-empty-path-'));
    try {
      const attempt = ensureNeo4j(config);
      await expect(attempt).rejects.toThrow(ServiceUnavailableError);
      await expect(attempt).rejects.toThrow(/Java 17\+ is needed .*apt-get install openjdk-17-jre-headless/);
    } finally {
      fs.rmSync(process.env.PATH, { recursive: true, force: true });
      process.env.PATH = savedPath;
    }
  });

  it('refuses a port that another program holds', async () => {
    const server = net.createServer((socket) => socket.resume().end('hello\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expect(ensureNeo4j(localConfig(dataDir, port))).rejects.toThrow(
        /port \d+ on 127\.0\.0\.1 is in use by a program that is not Neo4j/,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
