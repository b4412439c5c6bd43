/**
 * Configuration from the environment, read in one place so every room of the house agrees on
 * where the data lives and which services to talk to. Unset service URLs mean "start our own".
 */
import path from 'node:path';

export interface Config {
  /** Root of everything the project writes locally (`COLLUSION_DATA_DIR`, default `./data`). */
  dataDir: string;
  neo4j: {
    /** `NEO4J_URI`; undefined means the embedded Neo4j is started under `dataDir`. */
    uri?: string;
    user: string;
    password: string;
    database?: string;
    /** Bolt port of the embedded Neo4j (`COLLUSION_NEO4J_PORT`, default 7687). */
    port: number;
    /** JVM heap of the embedded Neo4j (`COLLUSION_NEO4J_HEAP`, default `2g`). */
    heap: string;
    /** Page cache of the embedded Neo4j (`COLLUSION_NEO4J_PAGECACHE`, default `1g`). */
    pageCache: string;
  };
  redis: {
    /** `REDIS_URL`; undefined means a local `redis-server` is started under `dataDir`. */
    url?: string;
    /** Port of the local redis-server (`COLLUSION_REDIS_PORT`, default 6380). */
    port: number;
  };
  /** Key of the keyed hash for personal ID numbers (`COLLUSION_ID_HASH_KEY`); else a key file in `dataDir`. */
  idHashKey?: string;
  logLevel: string;
  api: {
    /** Port of `collusion serve` and `npm start` (`PORT`, default 3000). */
    port: number;
    /** Interface to listen on (`HOST`, default 127.0.0.1; 0.0.0.0 to serve other machines). */
    host: string;
    /** Requests per minute per API key (`COLLUSION_RATE_LIMIT`, default 600). */
    rateLimit: number;
    /** Largest upload `POST /api/v1/loads` accepts, in MiB (`COLLUSION_UPLOAD_LIMIT_MB`, default 512). */
    uploadLimitMb: number;
    /** How often an open SSE feed asks Neo4j for changed flags, in ms (`COLLUSION_FEED_POLL_MS`, default 2000). */
    feedPollMs: number;
  };
  webhooks: {
    /** Tries per webhook delivery before it becomes a dead letter (`COLLUSION_WEBHOOK_ATTEMPTS`, default 6). */
    attempts: number;
    /** First retry delay of a delivery, doubled each try, in ms (`COLLUSION_WEBHOOK_BACKOFF_MS`, default 2000). */
    backoffMs: number;
  };
  /** JSON file overriding detector settings (`COLLUSION_SETTINGS`); see engine/settings.ts. */
  settingsFile?: string;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`config: ${name} must be a port number (1-65535), got "${raw}"`);
  }
  return value;
}

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`config: ${name} must be a positive whole number, got "${raw}"`);
  return value;
}

function nonEmpty(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Reads the configuration from `process.env`; call it again after changing the environment. */
export function loadConfig(): Config {
  return {
    dataDir: path.resolve(nonEmpty('COLLUSION_DATA_DIR') ?? 'data'),
    neo4j: {
      uri: nonEmpty('NEO4J_URI'),
      user: nonEmpty('NEO4J_USER') ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: nonEmpty('NEO4J_DATABASE'),
      port: intFromEnv('COLLUSION_NEO4J_PORT', 7687),
      heap: nonEmpty('COLLUSION_NEO4J_HEAP') ?? '2g',
      pageCache: nonEmpty('COLLUSION_NEO4J_PAGECACHE') ?? '1g',
    },
    redis: {
      url: nonEmpty('REDIS_URL'),
      port: intFromEnv('COLLUSION_REDIS_PORT', 6380),
    },
    idHashKey: nonEmpty('COLLUSION_ID_HASH_KEY'),
    logLevel: nonEmpty('LOG_LEVEL') ?? 'info',
    api: {
      port: intFromEnv('PORT', 3000),
      host: nonEmpty('HOST') ?? '127.0.0.1',
      rateLimit: positiveFromEnv('COLLUSION_RATE_LIMIT', 600),
      uploadLimitMb: positiveFromEnv('COLLUSION_UPLOAD_LIMIT_MB', 512),
      feedPollMs: positiveFromEnv('COLLUSION_FEED_POLL_MS', 2000),
    },
    webhooks: {
      attempts: positiveFromEnv('COLLUSION_WEBHOOK_ATTEMPTS', 6),
      backoffMs: positiveFromEnv('COLLUSION_WEBHOOK_BACKOFF_MS', 2000),
    },
    settingsFile: nonEmpty('COLLUSION_SETTINGS'),
  };
}
