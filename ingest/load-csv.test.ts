/**
 * The CSV folder layout loads into the same graph as NDJSON: the generator writes one data set in
 * both formats (same seed), and loading each into an empty graph gives the same nodes,
 * relationships and properties (provenance ids aside, since the files differ).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Graph } from '../cypher/runner';
import { generate } from '../fixtures/generator';
import { connectTestGraph, emptyGraph } from '../test/graph';
import { IdHasher } from './normalise/id-number';
import { loadPaths } from './load';

const hasher = new IdHasher(Buffer.from('test-key'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-csv-'));
let graph: Graph;

beforeAll(async () => {
  graph = await connectTestGraph();
});
afterAll(async () => {
  await graph.close();
});

/** Every node and relationship as sorted text, with the load ids (which name the file) left out. */
async function content(): Promise<string[]> {
  const rows = await graph.read('admin/graph-digest');
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !['load_id', 'first_load_id', 'panel_load_id'].includes(k))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, strip(v)]),
    );
  };
  return rows.map((r) => JSON.stringify(strip(r))).sort();
}

test('a CSV folder and the NDJSON file of the same data set load the same graph', async () => {
  await generate({ lots: 120, seed: 3, outDir: path.join(dir, 'ndjson') });
  await generate({ lots: 120, seed: 3, outDir: path.join(dir, 'csv'), format: 'csv' });
  const options = { reportDir: path.join(dir, 'loads') };

  await emptyGraph(graph);
  const fromNdjson = await loadPaths(graph, [path.join(dir, 'ndjson', 'trading.ndjson')], hasher, options);
  expect(fromNdjson.ok).toBe(true);
  const ndjson = await content();

  await emptyGraph(graph);
  const fromCsv = await loadPaths(graph, [path.join(dir, 'csv')], hasher, options);
  expect(fromCsv.sources[0]).toMatchObject({ format: 'csv', status: 'loaded', invalid: 0 });
  const csv = await content();

  expect(csv.length).toBe(ndjson.length);
  expect(csv).toEqual(ndjson);
});
