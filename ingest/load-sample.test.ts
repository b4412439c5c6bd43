/**
 * The committed sample (fixtures/sample) in the real Neo4j: exact counts computed independently
 * from the file, a no-op reload, and no raw personal ID number anywhere in the store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Graph } from '../cypher/runner';
import { connectTestGraph, emptyGraph, graphDigest } from '../test/graph';
import { graphCounts } from '../cli/commands/stats';
import { IdHasher } from './normalise/id-number';
import { loadPaths } from './load';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'sample', 'trading.ndjson');
const hasher = new IdHasher(Buffer.from('test-key'));
let graph: Graph;
const options = { reportDir: fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-sample-')) };

beforeAll(async () => {
  graph = await connectTestGraph();
});
afterAll(async () => {
  await graph.close();
});
beforeEach(async () => {
  await emptyGraph(graph);
});

describe('the committed sample', () => {
  const lines = fs
    .readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const distinct = (type: string) => new Set(records.filter((r) => r.type === type).map((r) => r.id)).size;

  test('loads with exact counts, and reloading it is a no-op', async () => {
    const report = await loadPaths(graph, [SAMPLE], hasher, { reportDir: options.reportDir });
    expect(report.ok).toBe(true);
    const counts = await graphCounts(graph);
    expect(counts.projects).toBe(distinct('project'));
    expect(counts.lots).toBe(distinct('lot'));
    expect(counts.bids).toBe(distinct('bid'));
    expect(counts.experts).toBe(distinct('expert'));
    expect(counts.organizations).toBe(distinct('organization') + (counts.placeholders.organizations ?? 0));
    expect(counts.persons).toBe(distinct('person') + (counts.placeholders.persons ?? 0));
    const before = await graphDigest(graph);
    await loadPaths(graph, [SAMPLE], hasher, { reportDir: options.reportDir });
    expect(await graphDigest(graph)).toEqual(before);
  });

  test('no raw personal ID number is stored anywhere', async () => {
    await loadPaths(graph, [SAMPLE], hasher, { reportDir: options.reportDir });
    const raw = records.filter((r) => typeof r.id_number === 'string').map((r) => String(r.id_number));
    expect(raw.length).toBeGreaterThan(10);
    const everything = JSON.stringify(await graph.read('admin/graph-digest'));
    const batches = JSON.stringify(await graph.read('admin/load-batches'));
    for (const number of raw) {
      expect(everything).not.toContain(number);
      expect(batches).not.toContain(number);
    }
    expect(everything).toContain(hasher.hash(raw[0]));
  });
});
