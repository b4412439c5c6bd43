/**
 * The investigator's read routes over real HTTP against the real services, on the committed sample
 * with its planted schemes: an entity with its flags and projects, its neighbourhood graph for the
 * viewer (jurisdiction inside the queries: out-of-scope entities only as counted placeholders),
 * the caps reported in `cut`, shortest paths between members of a planted ring, the search box,
 * and the bidder communities.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rescore } from '../../engine/rescore';
import { loadPaths } from '../../ingest/load';
import { IdHasher } from '../../ingest/normalise/id-number';
import { emptyGraph } from '../../test/graph';
import { TestApi } from '../../test/api';
import { luceneQuery } from '../routes/entities';

const SAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'sample');

interface Scheme {
  family: string;
  entities: string[];
  values: { region?: string };
}
interface Node {
  id: string;
  label: string;
  name: string;
  risk?: number;
  community?: string;
  placeholder?: true;
  count?: number;
  bulk?: true;
}
interface Edge {
  id: string;
  source: string;
  target: string;
  type: string;
  lots?: number;
}
interface Cut {
  limit: { nodes: number; edges: number };
  depth: { nodes: number; edges: number };
  bulk: { values: number };
}
interface GraphBody {
  nodes: Node[];
  edges: Edge[];
  cut: Cut;
}

const ENTITY_LABELS = new Set(['Organization', 'Person', 'Expert']);
const isEntity = (n: Node) => ENTITY_LABELS.has(n.label);

let api: TestApi;
let admin: string;
let regional: string;
/** Members of the planted ring in 4103, and of one planted elsewhere. */
let ring: string[];
let otherRing: string[];

beforeAll(async () => {
  api = await TestApi.start();
  const graph = api.server.deps.graph;
  await emptyGraph(graph);
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-entities-'));
  await loadPaths(graph, [path.join(SAMPLE, 'trading.ndjson')], new IdHasher(Buffer.from('test-key')), { reportDir });
  await rescore(graph, { full: true });
  admin = await api.key('admin');
  regional = await api.key('investigator', { regions: ['4103'] });
  const truth = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'truth.json'), 'utf8')) as { schemes: Scheme[] };
  const rings = truth.schemes.filter((s) => s.family === 'cartel-community');
  ring = rings.find((s) => s.values.region === '4103')!.entities;
  otherRing = rings.find((s) => s.values.region !== '4103' && !s.values.region?.startsWith('4103'))!.entities;
});
afterAll(async () => {
  await api.close();
});

async function graphOf(id: string, key: string, query = ''): Promise<GraphBody> {
  const answer = await api.get<GraphBody>(`/api/v1/entities/${id}/graph${query}`, key);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Every edge joins two nodes of the graph; ids are unique. */
function expectWellFormed(graph: GraphBody): void {
  const ids = new Set(graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(graph.nodes.length);
  expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  for (const edge of graph.edges) {
    expect(ids.has(edge.source)).toBe(true);
    expect(ids.has(edge.target)).toBe(true);
  }
}

/** An organisation of the other ring none of whose projects lies in 4103 (so outside the regional key). */
async function outsideOrganisation(): Promise<{ id: string; name: string }> {
  for (const id of otherRing) {
    const { body } = await api.get(`/api/v1/entities/${id}`, admin);
    const projects = body.projects as { region: string | null }[];
    if (projects.length === body.counts.projects && projects.every((p) => !String(p.region).startsWith('4103'))) {
      return { id, name: body.name as string };
    }
  }
  throw new Error('no organisation of the other ring lies wholly outside 4103');
}

test('an entity: public properties, kind, risk, communities, counts, its flags and projects', async () => {
  const answer = await api.get(`/api/v1/entities/${ring[0]}`, admin);
  expect(answer.status).toBe(200);
  const body = answer.body;
  expect(body).toMatchObject({ id: ring[0], kind: 'Organization', name: expect.any(String), risk: expect.any(Number) });
  expect(body.communities.length).toBe(1);
  expect(body.counts.bids).toBeGreaterThan(0);
  expect(body.counts.wins).toBeLessThanOrEqual(body.counts.bids);
  expect(body.counts.projects).toBe(body.projects.length);
  expect(body.projects[0]).toMatchObject({ id: expect.any(String), roles: expect.arrayContaining(['bidder']) });
  expect(body.flags.length).toBeGreaterThan(0);
  expect(body.flags.length).toBeLessThanOrEqual(body.counts.flags);
  const scores = body.flags.map((f: { score: number }) => f.score);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  for (const flag of body.flags) expect(flag.entities).toContain(ring[0]);
  expect(body.flags.some((f: { detector: string }) => f.detector === 'cartel-community')).toBe(true);

  const person = String(body.properties.legal_rep);
  const rep = await api.get(`/api/v1/entities/${person}`, admin);
  expect(rep.status).toBe(200);
  expect(rep.body.kind).toBe('Person');
  const text = JSON.stringify([body, rep.body]);
  for (const hidden of ['rec_hash', 'load_id', 'id_hash', 'risk_run']) expect(text).not.toContain(`"${hidden}"`);
});

test('an entity’s properties name no tied entity outside the jurisdiction (an expert’s employer, say)', async () => {
  const communities = (await api.get('/api/v1/communities?limit=100', regional)).body.items as {
    id: string;
    members: string[];
  }[];
  const cartel = communities.find((k) => ring.every((m) => k.members.includes(m)))!;
  const detail = (await api.get(`/api/v1/communities/${cartel.id}`, regional)).body;
  const experts = new Set<string>();
  for (const lot of detail.lots) {
    for (const seat of (await api.get(`/api/v1/lots/${lot.id}`, regional)).body.lot.panel) experts.add(seat.expert);
  }
  let removed = 0;
  for (const id of experts) {
    const everything = (await api.get(`/api/v1/entities/${id}`, admin)).body.properties;
    const mine = (await api.get(`/api/v1/entities/${id}`, regional)).body.properties;
    const refs = [everything.employer, ...(everything.former_employers ?? [])].filter(Boolean) as string[];
    for (const ref of refs) {
      const visible = (await api.get(`/api/v1/entities/${ref}`, regional)).status === 200;
      const named = mine.employer === ref || (mine.former_employers ?? []).includes(ref);
      expect(named).toBe(visible);
      if (!visible) removed += 1;
    }
  }
  expect(removed).toBeGreaterThan(0);
});

test('the regional key sees no out-of-scope entity in a graph; placeholders count the hidden neighbours', async () => {
  let chosen: { id: string; mine: GraphBody } | undefined;
  for (const id of ring) {
    const mine = await graphOf(id, regional);
    if (mine.nodes.some((n) => n.placeholder)) {
      chosen = { id, mine };
      break;
    }
  }
  expect(chosen).toBeDefined();
  const { id, mine } = chosen!;
  const everything = await graphOf(id, admin);
  expectWellFormed(mine);
  expectWellFormed(everything);
  expect(everything.nodes.some((n) => n.placeholder)).toBe(false);
  expect(mine.nodes[0].id).toBe(id);

  for (const node of mine.nodes.filter(isEntity)) {
    expect((await api.get(`/api/v1/entities/${node.id}`, regional)).status).toBe(200);
  }
  for (const node of mine.nodes.filter((n) => n.label === 'Community')) {
    expect((await api.get(`/api/v1/communities/${node.id}`, regional)).status).toBe(200);
  }
  const shown = new Set(mine.nodes.map((n) => n.id));
  const adminOnly = everything.nodes.filter((n) => isEntity(n) && !shown.has(n.id));
  expect(adminOnly.length).toBeGreaterThan(0);
  let outside = 0;
  for (const node of adminOnly) {
    if ((await api.get(`/api/v1/entities/${node.id}`, regional)).status === 404) outside += 1;
  }
  expect(outside).toBeGreaterThan(0);

  const placeholders = mine.nodes.filter((n) => n.placeholder);
  for (const p of placeholders) {
    const parent = p.id.replace(/^hidden:/, '');
    expect(shown.has(parent)).toBe(true);
    expect(p.count).toBeGreaterThan(0);
    expect(p.label).toBe('Hidden');
    expect(mine.edges).toContainEqual(expect.objectContaining({ source: parent, target: p.id, type: 'HIDDEN' }));
  }
  const coBids = mine.edges.filter((e) => e.type === 'CO_BID');
  expect(coBids.length).toBeGreaterThan(0);
  for (const e of coBids) expect(e.lots).toBeGreaterThan(0);
  const members = mine.nodes.filter((n) => ring.includes(n.id));
  expect(members.length).toBe(ring.length);
  expect(new Set(members.map((n) => n.community)).size).toBe(1);
});

test('depth and limit caps are reported in cut; bulk values are shown but not expanded', async () => {
  expect((await graphOf(ring[0], admin)).cut.depth.nodes).toBe(0);
  const one = await graphOf(ring[0], admin, '?count_beyond=true');
  expect(one.cut.depth.nodes).toBeGreaterThan(0);
  expect(one.cut.limit).toEqual({ nodes: 0, edges: 0 });
  const two = await graphOf(ring[0], admin, '?depth=2&limit=2000&count_beyond=true');
  expectWellFormed(two);
  const inTwo = new Set(two.nodes.map((n) => n.id));
  for (const node of one.nodes) expect(inTwo.has(node.id)).toBe(true);
  expect(two.nodes.length).toBeGreaterThan(one.nodes.length);

  const capped = await graphOf(ring[0], admin, '?depth=2&limit=40');
  expectWellFormed(capped);
  expect(capped.nodes.length).toBe(40);
  expect(capped.nodes[0].id).toBe(ring[0]);
  expect(capped.cut.limit.nodes).toBeGreaterThan(0);
  expect(capped.nodes.length + capped.cut.limit.nodes).toBeGreaterThanOrEqual(one.nodes.length);

  const bulk = two.nodes.filter((n) => n.bulk);
  expect(bulk.length).toBeGreaterThan(0);
  expect(two.cut.bulk.values).toBe(bulk.length);
  for (const node of bulk) expect(isEntity(node)).toBe(false);

  expect((await api.get(`/api/v1/entities/${ring[0]}/graph?depth=4`, admin)).status).toBe(400);
  expect((await api.get(`/api/v1/entities/${ring[0]}/graph?limit=0`, admin)).status).toBe(400);
  expect((await api.get(`/api/v1/entities/${ring[0]}/graph?limit=2001`, admin)).status).toBe(400);
});

test('an entity outside the jurisdiction answers 404 exactly like an unknown id, on every route', async () => {
  const outside = await outsideOrganisation();
  const hidden = await api.get(`/api/v1/entities/${outside.id}`, regional);
  const unknown = await api.get('/api/v1/entities/ORG-NO-SUCH', regional);
  expect(hidden.status).toBe(404);
  expect(unknown.status).toBe(404);
  expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(unknown.body).sort());
  expect(hidden.body.detail.replace(outside.id, 'X')).toBe(unknown.body.detail.replace('ORG-NO-SUCH', 'X'));
  const hiddenGraph = await api.get(`/api/v1/entities/${outside.id}/graph`, regional);
  expect(hiddenGraph.status).toBe(404);
  expect(hiddenGraph.body.detail).toBe(hidden.body.detail);
  expect((await api.get(`/api/v1/entities/${outside.id}`, admin)).status).toBe(200);
  expect((await api.get(`/api/v1/paths?from=${ring[0]}&to=${outside.id}`, regional)).status).toBe(404);
  expect((await api.get(`/api/v1/paths?from=${outside.id}&to=${ring[0]}`, regional)).status).toBe(404);
  expect((await api.get(`/api/v1/paths?from=${ring[0]}&to=ORG-NO-SUCH`, admin)).status).toBe(404);
});

test('paths: the shortest connection between two members of a planted ring', async () => {
  const [a, b] = [ring[0], ring[ring.length - 1]];
  const answer = await api.get(`/api/v1/paths?from=${a}&to=${b}`, admin);
  expect(answer.status).toBe(200);
  const { nodes, edges, length } = answer.body as { nodes: Node[]; edges: Edge[]; length: number };
  expect(length).toBeGreaterThanOrEqual(1);
  expect(length).toBeLessThanOrEqual(4);
  expect(edges.length).toBe(length);
  const ids = nodes.map((n) => n.id);
  expect(ids).toEqual(expect.arrayContaining([a, b]));
  expect(ids).not.toContainEqual(expect.stringMatching(/^BID/));
  // the edges connect a to b
  const reached = new Set([a]);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of edges) {
      if (reached.has(e.source) !== reached.has(e.target)) {
        reached.add(e.source).add(e.target);
        grew = true;
      }
    }
  }
  expect(reached.has(b)).toBe(true);

  const self = await api.get(`/api/v1/paths?from=${a}&to=${a}`, admin);
  expect(self.body).toMatchObject({ edges: [], length: 0 });
  const graph = await graphOf(a, admin);
  const direct = graph.edges.some(
    (e) =>
      !['CO_BID', 'MEMBER_OF', 'HIDDEN'].includes(e.type) &&
      [e.source, e.target].sort().join() === [a, b].sort().join(),
  );
  const short = await api.get(`/api/v1/paths?from=${a}&to=${b}&max=1`, admin);
  expect(short.status).toBe(200);
  if (!direct) expect(short.body).toEqual({ nodes: [], edges: [], length: null });
  expect((await api.get(`/api/v1/paths?from=${a}&to=${b}&max=7`, admin)).status).toBe(400);
});

test('search finds an organisation by a fragment of its name, never from outside the jurisdiction', async () => {
  const outside = await outsideOrganisation();
  const fragment = outside.name.slice(2, 6);
  const found = await api.get(`/api/v1/search?q=${encodeURIComponent(fragment)}`, admin);
  expect(found.status).toBe(200);
  expect(found.body.next_cursor).toBeNull();
  expect(found.body.items.map((i: { id: string }) => i.id)).toContain(outside.id);
  expect(found.body.total).toBeGreaterThanOrEqual(found.body.items.length);
  const mine = await api.get(`/api/v1/search?q=${encodeURIComponent(fragment)}`, regional);
  expect(mine.status).toBe(200);
  expect(mine.body.items.map((i: { id: string }) => i.id)).not.toContain(outside.id);
  const byId = await api.get(`/api/v1/search?q=${outside.id}`, regional);
  expect(byId.body).toEqual({ items: [], next_cursor: null, total: 0 });

  const member = (await api.get(`/api/v1/entities/${ring[0]}`, admin)).body;
  const own = await api.get(`/api/v1/search?q=${encodeURIComponent(member.name.slice(2, 6))}`, regional);
  expect(own.body.items).toContainEqual(
    expect.objectContaining({ id: ring[0], label: 'Organization', risk: member.risk }),
  );
  const uscc = await api.get(`/api/v1/search?q=${member.properties.uscc}`, regional);
  expect(uscc.body.items[0]).toMatchObject({ id: ring[0] });
  const exact = await api.get(`/api/v1/search?q=${ring[0]}`, regional);
  expect(exact.body.items[0]).toMatchObject({ id: ring[0], label: 'Organization' });
  const lots = (await api.get('/api/v1/search?q=LOT&limit=100', regional)).body.items as { label: string }[];
  expect(lots.filter((i) => i.label === 'Lot').length).toBeGreaterThan(0);
  for (const item of lots) expect(item).toMatchObject({ region: expect.stringMatching(/^4103/) });

  expect((await api.get('/api/v1/search?q=x', admin)).status).toBe(400);
  expect((await api.get('/api/v1/search?q=%20%20x%20', admin)).status).toBe(400);
  for (const q of ['"(*:', 'a AND OR', '\\/[]{}^~?']) {
    expect((await api.get(`/api/v1/search?q=${encodeURIComponent(q)}`, admin)).status).toBe(200);
  }
});

test('Lucene queries quote the text and escape every operator', () => {
  expect(luceneQuery('联业')).toBe('"联业" OR (*联业*)');
  expect(luceneQuery('a:b "c"')).toBe('"a:b \\"c\\"" OR (*a\\:b* AND *\\"c\\"*)');
  expect(luceneQuery('x*y? (z)')).toBe('"x*y? (z)" OR (*x\\*y\\?* AND *\\(z\\)*)');
});

test('communities: pages by score, only those wholly in the jurisdiction, with members, flag and meetings', async () => {
  const all = await api.get('/api/v1/communities?limit=100', admin);
  expect(all.status).toBe(200);
  expect(all.body.items.length).toBe(all.body.total);
  const scores = all.body.items.map((k: { score: number }) => k.score);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  const first = await api.get('/api/v1/communities?limit=1', admin);
  const second = await api.get(`/api/v1/communities?limit=1&cursor=${first.body.next_cursor}`, admin);
  expect(second.body.items[0].id).toBe(all.body.items[1].id);
  const strong = await api.get('/api/v1/communities?min_score=0.8', admin);
  expect(strong.body.items.every((k: { score: number }) => k.score >= 0.8)).toBe(true);

  const mine = await api.get('/api/v1/communities?limit=100', regional);
  expect(mine.body.total).toBeGreaterThan(0);
  expect(mine.body.total).toBeLessThan(all.body.total);
  for (const k of mine.body.items) {
    for (const j of k.jurisdictions) expect(j).toMatch(/^4103/);
  }
  const cartel = mine.body.items.find((k: { members: string[] }) => ring.every((m) => k.members.includes(m)));
  expect(cartel).toBeDefined();
  expect(cartel.features).toMatchObject({ cohesion: expect.any(Number), rotation: expect.any(Number) });

  const detail = await api.get(`/api/v1/communities/${cartel.id}`, regional);
  expect(detail.status).toBe(200);
  expect(detail.body.members.map((m: { id: string }) => m.id).sort()).toEqual([...cartel.members].sort());
  for (const m of detail.body.members) expect(m).toMatchObject({ name: expect.any(String), risk: expect.any(Number) });
  expect(detail.body.flag).toMatchObject({ detector: 'cartel-community', active: true });
  expect(detail.body.lots.length).toBe(detail.body.lot_count);
  expect(detail.body.lot_count).toBe(cartel.meetings);
  for (const lot of detail.body.lots) {
    expect(lot.region).toMatch(/^4103/);
    expect(lot.members.length).toBeGreaterThanOrEqual(2);
  }

  const elsewhere = all.body.items.find(
    (k: { jurisdictions: string[] }) => !k.jurisdictions.every((j) => j.startsWith('4103')),
  );
  const hidden = await api.get(`/api/v1/communities/${elsewhere.id}`, regional);
  const unknown = await api.get('/api/v1/communities/C-0000000000000000', regional);
  expect(hidden.status).toBe(404);
  expect(unknown.status).toBe(404);
  expect(hidden.body.detail.replace(elsewhere.id, 'X')).toBe(unknown.body.detail.replace('C-0000000000000000', 'X'));
  expect((await api.get(`/api/v1/communities/${elsewhere.id}`, admin)).status).toBe(200);
});
