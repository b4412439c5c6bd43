/**
 * Records of the joined platforms in the real Neo4j: an `approval` joins the projects that carry
 * its project code and a `sanction` its organisation, person or expert, whichever arrives first
 * (same file or a later load); reloading changes nothing; bad approvals and sanctions are
 * rejected with line and field, and nothing of their file is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Graph } from '../cypher/runner';
import { connectTestGraph, emptyGraph, graphDigest } from '../test/graph';
import { IdHasher } from './normalise/id-number';
import { loadPaths, LoadOptions } from './load';

const hasher = new IdHasher(Buffer.from('test-key'));
const CODE = '2024-410102-48-01-012345';
let graph: Graph;
let dir: string;
let options: LoadOptions;

const TENDERER = { type: 'organization', id: 'ORG-T', name: 'Tenderer', region: '410102' };
const BIDDER = { type: 'organization', id: 'ORG-B', name: 'Bidder', region: '410102' };
const PERSON = { type: 'person', id: 'PER-1', name: '李四' };
const EXPERT = { type: 'expert', id: 'EXP-1', person: 'PER-1' };
const project = (id: string) => ({
  type: 'project',
  id,
  name: `Road ${id}`,
  tenderer: 'ORG-T',
  region: '410102',
  project_code: CODE,
  category: 'works',
});
const APPROVAL = {
  type: 'approval',
  id: 'APR-1',
  project_code: CODE,
  kind: 'approval',
  approved_at: '2024-01-01',
  investment: 5_000_000,
  tendering_mode: 'open',
  tendering_scope: ['works'],
  region: '410102',
};
const sanction = (entity: string, kind = 'bidding_ban') => ({
  type: 'sanction',
  id: `SAN-${entity}`,
  entity,
  kind,
  date: '2024-01-01',
  until: '2024-12-31',
  scope: 'all',
});

function write(name: string, records: unknown[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
  return file;
}

async function load(name: string, records: unknown[]) {
  const report = await loadPaths(graph, [write(name, records)], hasher, options);
  return report;
}

type Item = { type?: string; labels?: string[]; props?: Record<string, unknown>; from?: unknown[]; to?: unknown[] };

async function items(): Promise<Item[]> {
  return (await graph.read('admin/graph-digest')).map((r) => r.item as Item);
}

/** [from id, from label, to id] of every relationship of one type, sorted. */
async function joined(type: string): Promise<string[][]> {
  const LABELS = ['Organization', 'Person', 'Expert', 'Project'];
  return (await items())
    .filter((i) => i.type === type)
    .map((i) => {
      const [fromLabels, fromId] = i.from as [string[], string];
      const [, toId] = i.to as [string[], string];
      return [fromId, fromLabels.find((l) => LABELS.includes(l)) ?? '', toId];
    })
    .sort((a, b) => a.join().localeCompare(b.join()));
}

/** [project id, approval id] pairs joined by APPROVED_UNDER. */
const approvedUnder = async () => (await joined('APPROVED_UNDER')).map(([p, , a]) => [p, a]);
/** [entity id, label, sanction id] triples joined by SANCTIONED. */
const sanctioned = () => joined('SANCTIONED');

/** The properties of the node with this label and id. */
async function node(label: string, id: string): Promise<Record<string, unknown> | undefined> {
  return (await items()).find((i) => i.labels?.includes(label) && i.props?.id === id)?.props;
}

beforeAll(async () => {
  graph = await connectTestGraph();
});
afterAll(async () => {
  await graph.close();
});
beforeEach(async () => {
  await emptyGraph(graph);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-joined-'));
  options = { reportDir: path.join(dir, 'loads'), batchSize: 2 };
});

test('an approval joins its projects whether it comes before them, after them, or in a later load', async () => {
  // Same file, approval first; then a later file with a second project of the code.
  expect((await load('a.ndjson', [TENDERER, APPROVAL, project('PRJ-1')])).ok).toBe(true);
  expect(await approvedUnder()).toEqual([['PRJ-1', 'APR-1']]);
  expect((await load('b.ndjson', [project('PRJ-2')])).ok).toBe(true);
  expect(await approvedUnder()).toEqual([
    ['PRJ-1', 'APR-1'],
    ['PRJ-2', 'APR-1'],
  ]);
  // Projects first, the approval in a later load.
  await emptyGraph(graph);
  await load('c.ndjson', [TENDERER, project('PRJ-1')]);
  expect(await approvedUnder()).toEqual([]);
  await load('d.ndjson', [APPROVAL]);
  expect(await approvedUnder()).toEqual([['PRJ-1', 'APR-1']]);
  // Loading it again changes nothing.
  const before = await graphDigest(graph);
  await load('d.ndjson', [APPROVAL]);
  expect(await graphDigest(graph)).toEqual(before);
});

test('a project whose code matches no approval is kept as is; an approval without projects waits', async () => {
  await load('a.ndjson', [TENDERER, { ...project('PRJ-1'), project_code: '2024-410102-48-01-999999' }, APPROVAL]);
  expect(await approvedUnder()).toEqual([]);
  expect((await node('Project', 'PRJ-1'))?.project_code).toBe('2024-410102-48-01-999999');
  expect((await node('Approval', 'APR-1'))?.investment).toBe(5_000_000);
});

test('a sanction joins its organisation, person or expert whichever arrives first', async () => {
  // Sanctions before their entities, in the same file.
  await load('a.ndjson', [
    sanction('ORG-B'),
    sanction('PER-1'),
    sanction('EXP-1', 'expert_removed'),
    BIDDER,
    PERSON,
    EXPERT,
  ]);
  const joined = [
    ['EXP-1', 'Expert', 'SAN-EXP-1'],
    ['ORG-B', 'Organization', 'SAN-ORG-B'],
    ['PER-1', 'Person', 'SAN-PER-1'],
  ];
  expect(await sanctioned()).toEqual(joined);
  // Entities first, sanctions in a later load.
  await emptyGraph(graph);
  await load('b.ndjson', [BIDDER, PERSON, EXPERT]);
  expect(await sanctioned()).toEqual([]);
  await load('c.ndjson', [sanction('ORG-B'), sanction('PER-1'), sanction('EXP-1', 'expert_removed')]);
  expect(await sanctioned()).toEqual(joined);
  const before = await graphDigest(graph);
  await load('c.ndjson', [sanction('ORG-B'), sanction('PER-1'), sanction('EXP-1', 'expert_removed')]);
  expect(await graphDigest(graph)).toEqual(before);
});

test('bad approvals and sanctions are rejected with line and field, and nothing of the file is written', async () => {
  await load('good.ndjson', [TENDERER]);
  const before = await graphDigest(graph);
  const file = write('bad.ndjson', [
    BIDDER,
    { ...APPROVAL, id: 'APR-2', kind: 'permit' },
    { ...APPROVAL, id: 'APR-3', project_code: '2024-4101-48-01-12' },
    { ...sanction('ORG-B'), until: '2023-06-30' },
    { ...sanction('ORG-B'), scope: 'province' },
    APPROVAL,
  ]);
  const report = await loadPaths(graph, [file], hasher, options);
  const source = report.sources[0];
  expect(report.ok).toBe(false);
  expect(source.status).toBe('rejected');
  const byLine = Object.fromEntries(source.errors.map((e) => [e.line, e]));
  expect(byLine[2]).toMatchObject({ field: 'approval.kind' });
  expect(byLine[2].reason).toContain('"permit"');
  expect(byLine[3]).toMatchObject({ field: 'approval.project_code' });
  expect(byLine[3].reason).toContain('2017-410102-48-01-012345');
  expect(byLine[4]).toMatchObject({ field: 'sanction.until', reason: 'must not be before date' });
  expect(byLine[5]).toMatchObject({ field: 'sanction.scope' });
  expect(Object.keys(byLine).sort()).toEqual(['2', '3', '4', '5']);
  expect(await graphDigest(graph)).toEqual(before);
});
