/**
 * The one door to Neo4j: driver lifecycle, managed transactions (the driver retries transient
 * errors such as deadlocks and leader switches), parameter typing and Integer handling. No other
 * module imports neo4j-driver. Statements are named files of cypher/ (see statements.ts).
 */
import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import { statement, statements } from './statements';

export interface GraphEndpoint {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/** Neo4j could not be reached or refused us; exit code 3 in the CLI. */
export class GraphUnavailableError extends Error {
  readonly exitCode = 3;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GraphUnavailableError';
  }
}

export type Row = Record<string, unknown>;

export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** A transaction handed to `Graph.writeTx` work: runs named statements inside it. */
export interface Tx {
  run(name: string, params?: Row): Promise<{ rows: Row[]; counters: WriteCounters }>;
}

/** Marks a parameter as a Cypher INTEGER (plain JS numbers are sent as FLOAT). */
export function int(value: number): unknown {
  return neo4j.int(value);
}

export class Graph {
  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    readonly uri: string,
  ) {}

  /** Connects and checks that the server answers. */
  static async connect(endpoint: GraphEndpoint): Promise<Graph> {
    const auth = endpoint.password === '' ? undefined : neo4j.auth.basic(endpoint.user, endpoint.password);
    const driver = neo4j.driver(endpoint.uri, auth, {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: 30_000,
      connectionAcquisitionTimeout: 60_000,
      userAgent: 'collusion-engine',
    });
    try {
      await driver.verifyConnectivity({ database: endpoint.database });
    } catch (error) {
      await driver.close();
      throw new GraphUnavailableError(
        `cannot reach Neo4j at ${endpoint.uri}: ${(error as Error).message}. ` +
          'Start the embedded one with `collusion up`, or check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.',
        { cause: error },
      );
    }
    return new Graph(driver, endpoint.database, endpoint.uri);
  }

  /** Runs a read statement in a managed read transaction (routed to followers in a cluster). */
  async read(name: string, params: Row = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(async (tx) => (await runIn(tx, name, params)).rows);
    } finally {
      await session.close();
    }
  }

  /**
   * Streams the rows of a read statement to `onRow` without holding them all (for the engine's
   * projection of a large graph). Runs as one auto-commit read, so a row is never seen twice.
   */
  async stream(name: string, params: Row, onRow: (row: Row) => void): Promise<number> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let count = 0;
    try {
      for await (const record of session.run(statement(name), params)) {
        onRow(toPlain(record.toObject()) as Row);
        count += 1;
      }
      return count;
    } finally {
      await session.close();
    }
  }

  /** Runs one write statement in its own managed transaction. */
  async write(name: string, params: Row = {}): Promise<{ rows: Row[]; counters: WriteCounters }> {
    return this.writeTx((tx) => tx.run(name, params));
  }

  /**
   * Runs `work` in one managed write transaction; all its statements commit together or not at all.
   * The work may be retried on transient errors, so it must not have side effects outside the graph.
   */
  async writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work({ run: (name, params = {}) => runIn(tx, name, params) }));
    } finally {
      await session.close();
    }
  }

  /** Applies cypher/schema.cypher (constraints and indexes); idempotent. */
  async applySchema(): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      for (const text of statements('schema')) await session.run(text);
      await session.run('CALL db.awaitIndexes(300)');
    } finally {
      await session.close();
    }
  }

  /**
   * Runs the statements of a file that batch their own work (`CALL { … } IN TRANSACTIONS`), which
   * needs auto-commit transactions; not retried, so such statements must be safe to run again.
   */
  async runInTransactions(name: string, params: Row = {}): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const text of statements(name)) await session.run(text, params);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

async function runIn(
  tx: ManagedTransaction,
  name: string,
  params: Row,
): Promise<{ rows: Row[]; counters: WriteCounters }> {
  const result = await tx.run(statement(name), params);
  const updates = result.summary.counters.updates();
  return {
    rows: result.records.map((record) => toPlain(record.toObject()) as Row),
    counters: {
      nodesCreated: updates.nodesCreated,
      nodesDeleted: updates.nodesDeleted,
      relationshipsCreated: updates.relationshipsCreated,
      relationshipsDeleted: updates.relationshipsDeleted,
      propertiesSet: updates.propertiesSet,
    },
  };
}

/** Nodes, relationships and temporal values become plain JSON-friendly values. */
function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value as never)) {
    const node = value as unknown as { labels: string[]; properties: Row; elementId: string };
    return { elementId: node.elementId, labels: node.labels, properties: toPlain(node.properties) };
  }
  if (neo4j.isRelationship(value as never)) {
    const rel = value as unknown as {
      type: string;
      properties: Row;
      elementId: string;
      startNodeElementId: string;
      endNodeElementId: string;
    };
    return {
      elementId: rel.elementId,
      type: rel.type,
      start: rel.startNodeElementId,
      end: rel.endNodeElementId,
      properties: toPlain(rel.properties),
    };
  }
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never) || neo4j.isLocalDateTime(value as never)) {
    return String(value);
  }
  return Object.fromEntries(Object.entries(value as Row).map(([k, v]) => [k, toPlain(v)]));
}

/** Adds up write counters of several statements. */
export function addCounters(a: WriteCounters, b: WriteCounters): WriteCounters {
  return {
    nodesCreated: a.nodesCreated + b.nodesCreated,
    nodesDeleted: a.nodesDeleted + b.nodesDeleted,
    relationshipsCreated: a.relationshipsCreated + b.relationshipsCreated,
    relationshipsDeleted: a.relationshipsDeleted + b.relationshipsDeleted,
    propertiesSet: a.propertiesSet + b.propertiesSet,
  };
}

export const ZERO_COUNTERS: WriteCounters = {
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
};
