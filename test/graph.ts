/**
 * Test helpers for the real Neo4j that test/global-setup.ts started: connect, empty the graph,
 * and take a digest of everything in it.
 */
import { createHash } from 'node:crypto';
import { Graph } from '../cypher/runner';
import { loadConfig } from '../lib/config';
import { ensureNeo4j } from '../tools/neo4j';

export async function connectTestGraph(): Promise<Graph> {
  const graph = await Graph.connect(await ensureNeo4j(loadConfig()));
  await graph.applySchema();
  return graph;
}

export async function emptyGraph(graph: Graph): Promise<void> {
  await graph.runInTransactions('admin/delete-all');
}

/** A hash of every node and relationship (LoadBatch bookkeeping aside), with the item count. */
export async function graphDigest(graph: Graph): Promise<{ items: number; hash: string }> {
  const rows = await graph.read('admin/graph-digest');
  const lines = rows.map((r) => `${String(r.kind)}:${stable(r.item)}`).sort();
  return { items: lines.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${k}:${stable(v)}`).join(',')}}`;
}
