/**
 * Rescoring against the real Neo4j: flags are written with their evidence and keep their ids
 * across runs, a finding that no longer holds is retired (not deleted), and an incremental run
 * after a load gives the same flags as a full run on the same data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Graph } from '../cypher/runner';
import { IdHasher } from '../ingest/normalise/id-number';
import { loadPaths } from '../ingest/load';
import { connectTestGraph, emptyGraph } from '../test/graph';
import { rescore } from './rescore';
import { triageFlag } from './triage';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'sample', 'trading.ndjson');
const hasher = new IdHasher(Buffer.from('test-key'));
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-rescore-'));
let graph: Graph;

type StoredFlag = Record<string, unknown> & { id: string; detector: string; active: boolean; status: string };

async function flags(): Promise<StoredFlag[]> {
  return (await graph.read('engine/list-flags', { detector: null, minScore: 0 })).map((r) => r.flag as StoredFlag);
}

async function allFlags(): Promise<StoredFlag[]> {
  const rows = await graph.read('admin/graph-digest');
  return rows
    .map((r) => r.item as { labels?: string[]; props: StoredFlag })
    .filter((i) => i.labels?.includes('Flag'))
    .map((i) => i.props);
}

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await loadPaths(graph, [SAMPLE], hasher, { reportDir });
});
afterAll(async () => {
  await graph.close();
});

test('a full rescoring writes flags of every family planted in the sample, with evidence and basis', async () => {
  const report = await rescore(graph, { full: true });
  expect(report.mode).toBe('full');
  const stored = await flags();
  const truth = JSON.parse(fs.readFileSync(path.join(path.dirname(SAMPLE), 'truth.json'), 'utf8')) as {
    schemes: { family: string }[];
  };
  const implemented = new Set(stored.map((f) => f.detector));
  for (const family of ['shared-fingerprint', 'shared-ip', 'shared-people', 'shared-bond', 'affiliated-bidders']) {
    expect(truth.schemes.some((s) => s.family === family)).toBe(true);
    expect(implemented).toContain(family);
  }
  for (const flag of stored) {
    expect(JSON.parse(String(flag.evidence)).length).toBeGreaterThan(0);
    expect(String(flag.basis).length).toBeGreaterThan(3);
    expect(flag.status).toBe('open');
  }
  const lots = await graph.read('engine/list-lots');
  expect(lots.length).toBe(300);
});

test('rescoring the same data keeps every id and changes nothing', async () => {
  const before = (await flags()).map((f) => f.id).sort();
  const report = await rescore(graph, { full: true });
  expect(report.changed).toBe(0);
  expect(report.retired).toBe(0);
  expect((await flags()).map((f) => f.id).sort()).toEqual(before);
});

test('a finding that no longer holds is retired, not deleted; incremental equals full', async () => {
  const shared = (await flags()).find((f) => f.detector === 'shared-fingerprint' && typeof f.lot === 'string')!;
  const bids = (shared.bids as string[]).slice(0, 1);
  const sampleLines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
  const corrected = sampleLines
    .filter((l) => bids.some((b) => l.includes(`"id":"${b}"`)))
    .map((l) => {
      const r = JSON.parse(l) as Record<string, unknown>;
      for (const k of ['mac', 'machine_code', 'ca_cert', 'doc_hash', 'doc_author']) delete r[k];
      return JSON.stringify(r);
    });
  expect(corrected).toHaveLength(1);
  const file = path.join(reportDir, 'corrected.ndjson');
  fs.writeFileSync(file, `${corrected.join('\n')}\n`);
  await loadPaths(graph, [file], hasher, { reportDir });

  const incremental = await rescore(graph);
  expect(incremental.mode).toBe('incremental');
  expect(incremental.scoped).toBeGreaterThanOrEqual(1);
  const retired = (await allFlags()).find((f) => f.id === shared.id)!;
  expect(retired.active).toBe(false);
  expect(retired.status).toBe('retired');
  const afterIncremental = (await flags()).map((f) => `${f.id}:${f.score}`).sort();

  const full = await rescore(graph, { full: true });
  expect(full.changed).toBe(0);
  expect((await flags()).map((f) => `${f.id}:${f.score}`).sort()).toEqual(afterIncremental);
});

test('triage feeds the next rescoring: a benign flag’s values weigh nothing, its status and log stay', async () => {
  const ipFlag = (await flags()).find((f) => f.detector === 'shared-ip' && f.status === 'open')!;
  expect(ipFlag).toBeDefined();
  const ip = (JSON.parse(String(ipFlag.evidence)) as Array<{ data?: { kind?: string; value?: string } }>).find(
    (e) => e.data?.kind === 'ip',
  )!.data!.value!;
  expect(await triageFlag(graph, { id: 'F-none', status: 'dismissed', by: 'tester' })).toBeUndefined();
  const triaged = await triageFlag(graph, { id: ipFlag.id, status: 'benign', note: 'centre terminal', by: 'tester' });
  expect(triaged).toMatchObject({ status: 'benign', triaged_by: 'tester', triage_note: 'centre terminal' });
  expect(triaged!.triage_values).toContain(`ip=${ip}`);

  const next = await rescore(graph);
  expect(next.mode).toBe('full');
  const after = (await allFlags()).find((f) => f.id === ipFlag.id)!;
  expect(after.status).toBe('benign');
  expect(after.active).toBe(false);
  expect((after.triage_log as string[]).map((e) => JSON.parse(e).status)).toEqual(['benign']);
  const citing = (await flags()).filter(
    (f) => String(f.evidence).includes(`"value":"${ip}"`) && f.detector === 'shared-ip',
  );
  expect(citing).toEqual([]);

  const quiet = await rescore(graph);
  expect(quiet.mode).toBe('incremental');
  expect(quiet.changed).toBe(0);
});
