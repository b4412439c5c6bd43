/**
 * Loading into the real Neo4j started by test/global-setup.ts: exact counts, idempotent reloads,
 * all-or-nothing rejection, --skip-invalid, placeholders, updates in place, no clear ID numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Graph } from '../cypher/runner';
import { connectTestGraph, emptyGraph, graphDigest } from '../test/graph';
import { graphCounts } from '../cli/commands/stats';
import { IdHasher } from './normalise/id-number';
import { loadPaths, LoadOptions } from './load';

const hasher = new IdHasher(Buffer.from('test-key'));
let graph: Graph;
let dir: string;
let options: LoadOptions;

const ORG_A = {
  type: 'organization',
  id: 'ORG-A',
  name: '郑州宏达建设工程有限公司',
  uscc: '91350100M000100Y43',
  region: '410102',
  phones: ['+86 138-0013-8000'],
  address: '河南省郑州市金水区花园路1号',
};
const ORG_B = { type: 'organization', id: 'ORG-B', name: 'Beta Build', region: '410103', phones: ['13800138000'] };
const PERSON = { type: 'person', id: 'PER-1', name: '张伟', id_number: '11010519491231002X', employer: 'ORG-A' };
const PROJECT = {
  type: 'project',
  id: 'PRJ-1',
  name: 'Road',
  tenderer: 'ORG-T',
  region: '410102',
  events: { announced: '2024-01-02', bid_deadline: '2024-01-25' },
};
const LOT = { type: 'lot', id: 'LOT-1', project: 'PRJ-1', ceiling_price: 1000000 };
const bid = (id: string, bidder: string, price: number, extra: Record<string, unknown> = {}) => ({
  type: 'bid',
  id,
  lot: 'LOT-1',
  bidder,
  price,
  mac: 'AA-BB-CC-DD-EE-01',
  ip: '10.0.0.7',
  ...extra,
});

function write(name: string, records: unknown[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
  return file;
}

beforeAll(async () => {
  graph = await connectTestGraph();
});
afterAll(async () => {
  await graph.close();
});
beforeEach(async () => {
  await emptyGraph(graph);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-load-'));
  options = { reportDir: path.join(dir, 'loads'), batchSize: 2 };
});

test('loads a small file: nodes, shared values, relationships and provenance', async () => {
  const file = write('small.ndjson', [
    bid('BID-1', 'ORG-A', 950000),
    ORG_A,
    ORG_B,
    PERSON,
    PROJECT,
    LOT,
    bid('BID-2', 'ORG-B', 960000),
  ]);
  const report = await loadPaths(graph, [file], hasher, options);
  expect(report.ok).toBe(true);
  const counts = await graphCounts(graph);
  expect(counts).toMatchObject({ projects: 1, lots: 1, bids: 2, organizations: 3, persons: 1, load_batches: 1 });
  expect(counts.placeholders).toEqual({ organizations: 1 }); // the tenderer ORG-T
  const shared = await graph.read('admin/graph-digest');
  const macs = shared.filter((r) => (r.item as { labels?: string[] }).labels?.includes('MAC'));
  expect(macs).toHaveLength(1);
  expect((macs[0].item as { props: Record<string, unknown> }).props.value).toBe('aa:bb:cc:dd:ee:01');
  const phones = shared.filter((r) => (r.item as { labels?: string[] }).labels?.includes('Phone'));
  expect(phones).toHaveLength(1); // "+86 138-0013-8000" and "13800138000" are one phone
  expect(report.sources[0].types.bid).toEqual({ records: 2, written: 2 });
});

test('loading the same file again changes nothing', async () => {
  const file = write('small.ndjson', [
    ORG_A,
    ORG_B,
    PERSON,
    PROJECT,
    LOT,
    bid('BID-1', 'ORG-A', 950000),
    bid('BID-2', 'ORG-B', 960000),
  ]);
  await loadPaths(graph, [file], hasher, options);
  const before = await graphDigest(graph);
  const again = await loadPaths(graph, [file], hasher, options);
  expect(await graphDigest(graph)).toEqual(before);
  expect(again.sources[0].types.bid.written).toBe(0);
  expect(again.sources[0].counters.nodesCreated).toBe(0);
  expect(again.sources[0].counters.relationshipsCreated).toBe(0);
});

test('a corrected file updates records in place and drops relationships that no longer hold', async () => {
  await loadPaths(graph, [write('v1.ndjson', [ORG_A, LOT, bid('BID-1', 'ORG-A', 950000)])], hasher, options);
  const corrected = bid('BID-1', 'ORG-A', 940000, { mac: 'AA-BB-CC-DD-EE-02' });
  await loadPaths(graph, [write('v2.ndjson', [corrected])], hasher, options);
  const items = (await graph.read('admin/graph-digest')).map((r) => r.item as Record<string, unknown>);
  const bidNode = items.find((i) => (i.labels as string[] | undefined)?.includes('Bid')) as {
    props: Record<string, unknown>;
  };
  expect(bidNode.props.price).toBe(940000);
  const macLinks = items.filter((i) => i.type === 'FROM_MAC');
  expect(macLinks).toHaveLength(1);
  expect((macLinks[0].to as unknown[])[1]).toBe('aa:bb:cc:dd:ee:02');
  expect((await graphCounts(graph)).bids).toBe(1);
});

test('a file with errors is rejected whole, with file, line, field and reason, and the graph is unchanged', async () => {
  await loadPaths(graph, [write('good.ndjson', [ORG_A])], hasher, options);
  const before = await graphDigest(graph);
  const file = write('bad.ndjson', [
    ORG_B,
    '{"type": "bid", "id": "BID-9", ',
    { type: 'tender', id: 'X' },
    { type: 'bid', id: 'BID-3', lot: 'LOT-1', bidder: 'ORG-A', price: 'cheap' },
    { type: 'bid', id: 'BID-4', lot: 'LOT-1', bidder: 'ORG-A', price: -5 },
    { type: 'organization', id: 'ORG-C', name: 'C', uscc: '91350100M000100Y44' },
    { type: 'lot', id: 'LOT-2' },
    { type: 'project', id: 'PRJ-2', name: 'p', tenderer: 'ORG-A', events: { opened: 'soon' } },
    LOT,
  ]);
  const report = await loadPaths(graph, [file], hasher, options);
  const source = report.sources[0];
  expect(report.ok).toBe(false);
  expect(source.status).toBe('rejected');
  const byLine = Object.fromEntries(source.errors.map((e) => [e.line, e]));
  expect(byLine[2].reason).toMatch(/not valid JSON/);
  expect(byLine[3]).toMatchObject({ field: 'type' });
  expect(byLine[3].reason).toMatch(/unknown record type "tender"/);
  expect(byLine[4]).toMatchObject({ field: 'bid.price', reason: 'must be a number, got "cheap"', id: 'BID-3' });
  expect(byLine[5]).toMatchObject({ field: 'bid.price' });
  expect(byLine[5].reason).toMatch(/negative/);
  expect(byLine[6]).toMatchObject({ field: 'organization.uscc' });
  expect(byLine[7]).toMatchObject({ field: 'lot.project', reason: 'is required' });
  expect(byLine[8]).toMatchObject({ field: 'project.events.opened' });
  expect(source.errors.every((e) => e.file === file)).toBe(true);
  expect(await graphDigest(graph)).toEqual(before);
  expect(JSON.parse(fs.readFileSync(source.reportFile!, 'utf8')).status).toBe('rejected');
});

test('--skip-invalid loads the good records and writes the bad lines untouched to a rejects file', async () => {
  const badLine = '{"type":"bid","id":"BID-3","lot":"LOT-1","bidder":"ORG-A","price":"cheap"}';
  const file = write('mixed.ndjson', [ORG_A, badLine, LOT, bid('BID-1', 'ORG-A', 1)]);
  const report = await loadPaths(graph, [file], hasher, { ...options, skipInvalid: true });
  const source = report.sources[0];
  expect(source.status).toBe('partial');
  expect(source.invalid).toBe(1);
  expect(fs.readFileSync(source.rejectsFile!, 'utf8')).toBe(`${badLine}\n`);
  expect(await graphCounts(graph)).toMatchObject({ bids: 1, lots: 1, organizations: 1 });
});

test('placeholders for unknown references are counted and filled in when the record arrives', async () => {
  const first = await loadPaths(
    graph,
    [write('bids.ndjson', [bid('BID-1', 'ORG-A', 1), bid('BID-2', 'ORG-B', 2)])],
    hasher,
    options,
  );
  expect(first.sources[0].placeholders).toEqual({ Lot: 1, Organization: 2 });
  expect((await graphCounts(graph)).placeholders).toEqual({ lots: 1, organizations: 2 });
  await loadPaths(graph, [write('rest.ndjson', [ORG_A, ORG_B, LOT, PROJECT])], hasher, options);
  const counts = await graphCounts(graph);
  expect(counts.placeholders).toEqual({ organizations: 1 }); // ORG-T, the project's tenderer
  expect(counts).toMatchObject({ bids: 2, lots: 1, organizations: 3, projects: 1 });
});

test('gzip-compressed NDJSON loads like the plain file', async () => {
  const plain = write('small.ndjson', [ORG_A, LOT, bid('BID-1', 'ORG-A', 1)]);
  const gz = path.join(dir, 'small.ndjson.gz');
  fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(plain)));
  await loadPaths(graph, [plain], hasher, options);
  const fromPlain = await graphDigest(graph);
  await emptyGraph(graph);
  await loadPaths(graph, [gz], hasher, options);
  const fromGz = await graphDigest(graph);
  expect(fromGz.items).toBe(fromPlain.items);
});

test('ties and bond payers naming a person later in the file link to that Person, whatever the batch size', async () => {
  const records = [
    ORG_A,
    ORG_B,
    PROJECT,
    LOT,
    { type: 'tie', kind: 'shareholder', from: 'PER-2', to: 'ORG-A', share: 0.6 },
    { type: 'tie', kind: 'shareholder', from: 'PER-3', to: 'ORG-B', share: 0.5 },
    bid('BID-1', 'ORG-A', 950000, { bond_payer: 'PER-3' }),
    { type: 'person', id: 'PER-2', name: '李四' },
    { type: 'person', id: 'PER-3', name: '王五' },
  ];
  const file = write('late-persons.ndjson', records);
  await loadPaths(graph, [file], hasher, { ...options, batchSize: 1 });
  const rows = await graph.read('admin/graph-digest');
  const orgIds = rows
    .map((r) => r.item as { labels?: string[]; props?: { id?: string } })
    .filter((i) => i.labels?.includes('Organization'))
    .map((i) => i.props?.id);
  expect(orgIds).toEqual(expect.arrayContaining(['ORG-A', 'ORG-B']));
  expect(orgIds.filter((id) => id?.startsWith('PER-'))).toEqual([]);
  const once = await graphDigest(graph);
  await loadPaths(graph, [file], hasher, { ...options, batchSize: 1 });
  expect(await graphDigest(graph)).toEqual(once);
});
