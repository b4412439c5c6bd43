/**
 * Buffers prepared rows per record type and writes each full buffer as one `UNWIND` statement in
 * one managed transaction. The next batch is parsed while the previous one is being written, so
 * Node and Neo4j work at the same time; rows with the same key in one batch keep the last one.
 */
import { addCounters, Graph, Tx, WriteCounters, ZERO_COUNTERS } from '../cypher/runner';
import { Prepared, Row } from './prepare';
import { LOAD_ORDER, RecordType } from './records/schemas';
import { writeBatch } from './write-plan';

export class BatchWriter {
  counters: WriteCounters = ZERO_COUNTERS;
  readonly written = new Map<RecordType, number>();
  private readonly buffers = new Map<RecordType, Map<string, Row>>();
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly graph: Graph,
    private readonly loadId: string,
    private readonly batchSize: number,
    /** Ids of the persons in the source: ties and bond payers naming one are linked to a Person. */
    private readonly sourcePersons: ReadonlySet<string> = new Set(),
  ) {}

  async add(prepared: Prepared): Promise<void> {
    let buffer = this.buffers.get(prepared.type);
    if (!buffer) {
      buffer = new Map();
      this.buffers.set(prepared.type, buffer);
    }
    buffer.delete(prepared.key);
    buffer.set(prepared.key, prepared.row);
    if (buffer.size >= this.batchSize) await this.flush(prepared.type);
  }

  /** Writes what is left, in load order (referenced entities first), and waits for the last write. */
  async finish(): Promise<void> {
    for (const type of LOAD_ORDER) await this.flush(type);
    await this.pending;
    this.throwIfFailed();
  }

  private async flush(type: RecordType): Promise<void> {
    const buffer = this.buffers.get(type);
    if (!buffer || buffer.size === 0) return;
    const rows = [...buffer.values()];
    buffer.clear();
    await this.pending;
    this.throwIfFailed();
    this.pending = this.write(type, rows).catch((error: unknown) => {
      this.failure = error;
    });
  }

  private async write(type: RecordType, rows: Row[]): Promise<void> {
    let counters = ZERO_COUNTERS;
    const changed = await this.graph.writeTx(async (tx) => {
      counters = ZERO_COUNTERS;
      const counting: Tx = {
        run: async (name, params) => {
          const result = await tx.run(name, params);
          counters = addCounters(counters, result.counters);
          return result;
        },
      };
      return writeBatch(counting, type, rows, this.loadId, this.sourcePersons);
    });
    this.counters = addCounters(this.counters, counters);
    this.written.set(type, (this.written.get(type) ?? 0) + changed);
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
