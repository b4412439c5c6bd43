/**
 * OCDS loads into the real Neo4j started by test/global-setup.ts: a release package loads with an
 * unmapped section in its report; broken JSON and a release without ocid write nothing and are
 * reported where they are; --skip-invalid keeps the good records; and the generator's data set
 * loads the same organisations, projects, lots, bids and winners from OCDS as from NDJSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Graph } from '../cypher/runner';
import { graphCounts } from '../cli/commands/stats';
import { generate } from '../fixtures/generator';
import { connectTestGraph, emptyGraph, graphDigest } from '../test/graph';
import { IdHasher } from './normalise/id-number';
import { loadPaths, LoadOptions } from './load';
import { dayOrTime } from './readers/ocds/dates';
import { releasePackage, roadRelease } from './readers/ocds/test-documents';
import { formatReport } from './report';

const hasher = new IdHasher(Buffer.from('test-key'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-load-ocds-'));
const options: LoadOptions = { reportDir: path.join(dir, 'loads'), batchSize: 50 };
let graph: Graph;

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

beforeAll(async () => {
  graph = await connectTestGraph();
});
afterAll(async () => {
  await graph.close();
});
beforeEach(async () => {
  await emptyGraph(graph);
});

type Node = { labels: string[]; props: Record<string, unknown> };

async function nodes(label: string): Promise<Node[]> {
  const rows = await graph.read('admin/graph-digest');
  return rows.filter((r) => r.kind === 'node' && (r.item as Node).labels.includes(label)).map((r) => r.item as Node);
}

test('a release package loads, reports its unmapped fields, and loads again as a no-op', async () => {
  const road = file('road.json', releasePackage([roadRelease()]));
  const report = await loadPaths(graph, [road], hasher, options);
  const source = report.sources[0];
  expect(source).toMatchObject({ format: 'ocds', status: 'loaded', records: 11, invalid: 0, moreUnmapped: 0 });
  expect(source.unmapped).toMatchObject({ 'releases[].tender.items[].classification.scheme': 2, uri: 1 });
  expect(JSON.parse(fs.readFileSync(source.reportFile!, 'utf8')).unmapped).toEqual(source.unmapped);
  expect(formatReport(report)).toMatch(
    /unmapped input fields \(not loaded\), 28 paths:\n {4}releases\[\]\.tender\.items/,
  );
  expect(await graphCounts(graph)).toMatchObject({ projects: 1, lots: 2, bids: 3, organizations: 5, placeholders: {} });
  const winners = (await nodes('Bid')).filter((b) => b.props.won === true).map((b) => b.props.id);
  expect(winners).toEqual(['ocds-213czf-zz-0001/b1']);
  const before = await graphDigest(graph);
  const again = await loadPaths(graph, [road], hasher, options);
  expect(again.sources[0].counters.nodesCreated).toBe(0);
  expect(await graphDigest(graph)).toEqual(before);
});

test('a package that is not valid JSON is rejected with line and column, and writes nothing', async () => {
  const text = releasePackage([roadRelease('ocds-1'), roadRelease('ocds-2')]).replace('"tag": [\n', '"tag": [\n,');
  const report = await loadPaths(graph, [file('broken.json', text)], hasher, options);
  const source = report.sources[0];
  expect(source.status).toBe('rejected');
  expect(source.errors).toEqual([
    expect.objectContaining({
      line: 14,
      path: 'releases[0]',
      reason:
        "not valid JSON at line 14, column 1 (in releases[0]): unexpected token ','; fix the file and load it again",
    }),
  ]);
  expect(formatReport(report)).toMatch(/broken\.json:14: releases\[0\]: not valid JSON at line 14/);
  expect(await graphCounts(graph)).toMatchObject({ projects: 0, organizations: 0, load_batches: 0 });
});

test('a release without ocid is an error at its JSON path (or line), and nothing is written', async () => {
  const noOcid = { ...roadRelease('ocds-2'), ocid: undefined };
  const report = await loadPaths(
    graph,
    [file('no-ocid.json', releasePackage([roadRelease('ocds-1'), noOcid]))],
    hasher,
    options,
  );
  expect(report.sources[0]).toMatchObject({ status: 'rejected', invalid: 1 });
  expect(report.sources[0].errors).toEqual([
    expect.objectContaining({ path: 'releases[1]', field: 'ocid', reason: expect.stringMatching(/^is required/) }),
  ]);
  const lines = [roadRelease('ocds-1'), noOcid].map((r) => JSON.stringify(r)).join('\n');
  const fromLines = await loadPaths(graph, [file('no-ocid.jsonl', lines)], hasher, options);
  expect(fromLines.sources[0].errors).toEqual([expect.objectContaining({ line: 2, field: 'ocid' })]);
  expect(await graphCounts(graph)).toMatchObject({ projects: 0, bids: 0, organizations: 0, load_batches: 0 });
});

test('a mapped record that breaks the contract is reported at its path; --skip-invalid loads the rest', async () => {
  const release = roadRelease();
  (release.bids as { details: { value: { amount: number } }[] }).details[2].value.amount = -5;
  const bad = file('negative.json', releasePackage([release]));
  const rejected = await loadPaths(graph, [bad], hasher, options);
  expect(rejected.sources[0].errors).toEqual([
    expect.objectContaining({
      line: 9,
      path: 'releases[0].bids.details[2]',
      type: 'bid',
      id: 'ocds-213czf-zz-0001/b3',
    }),
  ]);
  const partial = await loadPaths(graph, [bad], hasher, { ...options, skipInvalid: true });
  expect(partial.sources[0]).toMatchObject({ status: 'partial', valid: 10, invalid: 1 });
  expect(await graphCounts(graph)).toMatchObject({ bids: 2, lots: 2 });
  const rejects = fs.readFileSync(partial.sources[0].rejectsFile!, 'utf8').trim().split('\n');
  expect(rejects.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ type: 'bid', price: -5 })]);
});

describe('round trip through the generator', () => {
  const canonicalDir = path.join(dir, 'canonical');
  const ocdsDir = path.join(dir, 'ocds');

  /** What each format must agree on, per kind: ids, and the fields OCDS carries. */
  async function content() {
    const pick = (node: Node, keys: string[]) =>
      JSON.stringify(
        keys.map((key) => (key === 'submitted_at' ? dayOrTime(node.props[key]) : node.props[key]) ?? null),
      );
    const sorted = (list: string[]) => [...list].sort();
    const organizations = sorted((await nodes('Organization')).map((n) => String(n.props.id)));
    const projectKeys = [
      'id',
      'name',
      'tenderer',
      'agent',
      'supervisor',
      'procedure',
      'budget',
      'currency',
      'category',
    ];
    const eventKeys = ['events_announced', 'events_docs_from', 'events_bid_deadline'];
    const projects = sorted(
      (await nodes('Project')).map((n) => pick(n, [...projectKeys, 'project_code', ...eventKeys])),
    );
    const lotKeys = ['id', 'project', 'name', 'ceiling_price', 'events_awarded', 'events_contract_signed'];
    const lots = sorted((await nodes('Lot')).map((n) => pick(n, lotKeys)));
    const bidNodes = await nodes('Bid');
    const bids = sorted(bidNodes.map((n) => pick(n, ['id', 'lot', 'bidder', 'price', 'status', 'submitted_at'])));
    const winners = sorted(bidNodes.filter((n) => n.props.won === true).map((n) => pick(n, ['lot', 'bidder'])));
    return { organizations, projects, lots, bids, winners };
  }

  test('OCDS and NDJSON of one seed load the same organisations, projects, lots, bids and winners', async () => {
    const canonical = await generate({ lots: 120, seed: 11, outDir: canonicalDir });
    const ocds = await generate({ lots: 120, seed: 11, outDir: ocdsDir, format: 'ocds' });
    expect(ocds.files.map((f) => path.basename(f))).toEqual(['trading.ocds.json', 'trading.extra.ndjson']);

    expect((await loadPaths(graph, canonical.files, hasher, options)).ok).toBe(true);
    const expected = await content();
    const registry = new Map((await nodes('Organization')).map((n) => [n.props.id, n.props]));

    await emptyGraph(graph);
    const [fromPackage] = (await loadPaths(graph, [ocds.files[0]], hasher, options)).sources;
    expect(fromPackage).toMatchObject({ format: 'ocds', status: 'loaded', invalid: 0 });
    expect(Object.keys(fromPackage.unmapped ?? {}).sort()).toEqual([
      'publishedDate',
      'publisher.name',
      'uri',
      'version',
    ]);
    // The parties alone already carry each organisation's name, USCC, address, region and phones.
    for (const party of await nodes('Organization')) {
      if (party.props.placeholder === true) continue;
      const keys = ['name', 'uscc', 'address', 'region', 'phones'];
      expect(keys.map((k) => party.props[k])).toEqual(keys.map((k) => registry.get(party.props.id)?.[k]));
    }
    expect((await loadPaths(graph, [ocds.files[1]], hasher, options)).ok).toBe(true);
    const actual = await content();

    expect(actual.organizations).toEqual(expected.organizations);
    expect(actual.projects).toEqual(expected.projects);
    expect(actual.lots).toEqual(expected.lots);
    expect(actual.bids).toEqual(expected.bids);
    expect(actual.winners).toEqual(expected.winners);
    expect(expected.winners.length).toBeGreaterThan(100);
  });
});
