/**
 * The API over real HTTP against the real services: authentication and roles (401/403), problem
 * details, cursor pagination, jurisdiction inside the queries (out of scope answers exactly like
 * an unknown id), triage, and the OpenAPI document matching the routes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rescore } from '../../engine/rescore';
import { loadPaths } from '../../ingest/load';
import { IdHasher } from '../../ingest/normalise/id-number';
import { emptyGraph } from '../../test/graph';
import { TestApi } from '../../test/api';
import { ROUTES } from '../routes';

const SAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'sample', 'trading.ndjson');
let api: TestApi;
let admin: string;

type FlagItem = { id: string; score: number; lots: string[]; lot?: string; project?: string; status: string };

beforeAll(async () => {
  api = await TestApi.start();
  const graph = api.server.deps.graph;
  await emptyGraph(graph);
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-routes-'));
  await loadPaths(graph, [SAMPLE], new IdHasher(Buffer.from('test-key')), { reportDir });
  await rescore(graph, { full: true });
  admin = await api.key('admin');
});
afterAll(async () => {
  await api.close();
});

async function allFlags(key: string, query = ''): Promise<FlagItem[]> {
  const items: FlagItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: FlagItem[]; next_cursor: string | null } } = await api.get(
      `/api/v1/flags?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`,
      key,
    );
    items.push(...page.body.items);
    cursor = page.body.next_cursor;
  } while (cursor);
  return items;
}

test('no key or an unknown key is 401 problem+json with WWW-Authenticate', async () => {
  const none = await api.get('/api/v1/flags');
  expect(none.status).toBe(401);
  expect(none.headers.get('content-type')).toContain('application/problem+json');
  expect(none.headers.get('www-authenticate')).toContain('Bearer');
  expect(none.body).toMatchObject({ title: 'Unauthorized', status: 401 });
  expect((await api.get('/api/v1/flags', 'ck_not-a-key')).status).toBe(401);
});

test('a role outside a route is 403; an unknown route 404; bad parameters 400 naming the field', async () => {
  const operator = await api.key('operator');
  const forbidden = await api.get('/api/v1/flags', operator);
  expect(forbidden.status).toBe(403);
  expect(forbidden.body.detail).toContain('operator');
  expect((await api.get('/api/v1/nothing-here', admin)).status).toBe(404);
  const bad = await api.get('/api/v1/flags?min_score=high', admin);
  expect(bad.status).toBe(400);
  expect(bad.body.detail).toContain('query.min_score');
  expect((await api.get('/api/v1/flags?cursor=garbage', admin)).status).toBe(400);
});

test('flags pages are stable under the cursor and add up to total', async () => {
  const first = await api.get('/api/v1/flags?limit=7', admin);
  expect(first.status).toBe(200);
  expect(first.body.items).toHaveLength(7);
  const all = await allFlags(admin);
  expect(all.length).toBe(first.body.total);
  expect(new Set(all.map((f) => f.id)).size).toBe(all.length);
  const scores = all.map((f) => f.score);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  const second = await api.get(`/api/v1/flags?limit=7&cursor=${first.body.next_cursor}`, admin);
  expect(second.body.items.map((f: FlagItem) => f.id)).toEqual(all.slice(7, 14).map((f) => f.id));
  const strong = await allFlags(admin, '&min_score=0.8&detector=shared-fingerprint');
  expect(strong.every((f) => f.score >= 0.8)).toBe(true);
});

test('a regional key sees only flags wholly in its region; anything else answers 404 like an unknown id', async () => {
  const everything = await allFlags(admin);
  const regional = await api.key('auditor', { regions: ['4103'] });
  const mine = await allFlags(regional);
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.length).toBeLessThan(everything.length);
  const lotsByProject = new Map<string, string>();
  for (const flag of mine) {
    for (const lot of flag.lots) {
      const answer = await api.get(`/api/v1/lots/${lot}`, regional);
      expect(answer.status).toBe(200);
      expect(String(answer.body.project.region)).toMatch(/^4103/);
      lotsByProject.set(lot, answer.body.project.id);
    }
  }
  const outside = everything.find((f) => !mine.some((m) => m.id === f.id))!;
  const hidden = await api.get(`/api/v1/flags/${outside.id}`, regional);
  const unknown = await api.get('/api/v1/flags/F-00000000000000000000', regional);
  expect(hidden.status).toBe(404);
  expect(unknown.status).toBe(404);
  expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(unknown.body).sort());
  expect(hidden.body.detail.replace(outside.id, 'X')).toBe(unknown.body.detail.replace('F-00000000000000000000', 'X'));
  const outsideLot = outside.lots.find((l) => !lotsByProject.has(l))!;
  expect((await api.get(`/api/v1/lots/${outsideLot}`, regional)).status).toBe(404);
  const project = (await api.get(`/api/v1/lots/${outsideLot}`, admin)).body.project.id;
  expect((await api.get(`/api/v1/projects/${project}`, regional)).status).toBe(404);
  expect((await api.get(`/api/v1/projects/${project}`, admin)).status).toBe(200);
  const sectorKey = await api.key('supervisor', { regions: ['41'], sectors: ['water'] });
  const water = await allFlags(sectorKey);
  for (const flag of water) expect(flag.lots.length).toBeGreaterThan(0);
  expect(water.length).toBeLessThan(everything.length);
});

test('a project’s full process: lots with bids, panel, evaluations, risks and flags; no bookkeeping', async () => {
  const [flag] = await allFlags(admin, '&detector=shared-fingerprint');
  const lot = (await api.get(`/api/v1/lots/${flag.lot}`, admin)).body;
  const answer = await api.get(`/api/v1/projects/${lot.project.id}`, admin);
  expect(answer.status).toBe(200);
  const body = answer.body;
  expect(body.tenderer.id).toBeDefined();
  const theLot = body.lots.find((l: { id: string }) => l.id === flag.lot);
  expect(theLot.bids.length).toBeGreaterThan(1);
  expect(typeof theLot.risk).toBe('number');
  expect(theLot.risk_components).toEqual(expect.any(Object));
  expect(body.flags.map((f: FlagItem) => f.id)).toContain(flag.id);
  const text = JSON.stringify(body);
  for (const hidden of ['rec_hash', 'load_id', 'id_hash']) expect(text).not.toContain(`"${hidden}"`);
});

test('PATCH triages a flag with who and when; auditors and feeds may not triage', async () => {
  const [flag] = await allFlags(admin);
  const auditor = await api.key('auditor');
  expect(
    (await api.call('PATCH', `/api/v1/flags/${flag.id}`, { key: auditor, body: { status: 'confirmed' } })).status,
  ).toBe(403);
  const investigator = await api.key('investigator');
  const bad = await api.call('PATCH', `/api/v1/flags/${flag.id}`, { key: investigator, body: { status: 'guilty' } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('body.status');
  const done = await api.call('PATCH', `/api/v1/flags/${flag.id}`, {
    key: investigator,
    body: { status: 'confirmed', note: 'same machine, checked on site' },
  });
  expect(done.status).toBe(200);
  expect(done.body.status).toBe('confirmed');
  expect(done.body.triage).toMatchObject({
    by: expect.stringMatching(/^investigator-/),
    note: 'same machine, checked on site',
  });
  expect((await api.get(`/api/v1/flags/${flag.id}`, admin)).body.status).toBe('confirmed');
});

test('the OpenAPI document lists every route with its methods', async () => {
  const doc = (await api.get('/api/openapi.json')).body;
  expect(doc.openapi).toBe('3.1.0');
  for (const def of ROUTES) {
    const p = `/api/v1${def.path.replace(/:(\w+)/g, '{$1}')}`;
    expect(doc.paths[p]?.[def.method]).toBeDefined();
  }
  expect(doc.paths['/api/v1/flags'].get.parameters.map((p: { name: string }) => p.name)).toContain('min_score');
});

test('healthz reports both services; metrics are Prometheus text', async () => {
  const health = await api.get('/healthz');
  expect(health.status).toBe(200);
  expect(health.body).toEqual({ status: 'ok', neo4j: 'up', redis: 'up' });
  const metrics = await api.get('/metrics');
  expect(metrics.status).toBe(200);
  expect(String(metrics.body)).toContain('collusion_http_request_duration_seconds');
});

test('GET /projects lists the projects a dashboard bar counts: filters, scope, stable pages', async () => {
  const projects = fs
    .readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"type":"project"'))
    .map((l) => JSON.parse(l) as { id: string; region?: string; sector?: string });
  const expected = (keep: (p: { region?: string; sector?: string }) => boolean) =>
    projects
      .filter(keep)
      .map((p) => p.id)
      .sort();
  const list = async (key: string, query: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const page: { status: number; body: { items: { id: string }[]; next_cursor: string | null; total: number } } =
        await api.get(`/api/v1/projects?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`, key);
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((p) => p.id));
      cursor = page.body.next_cursor;
      total = page.body.total;
    } while (cursor);
    expect(ids.length).toBe(total);
    return ids;
  };
  expect(await list(admin, '&sector=water')).toEqual(expected((p) => p.sector === 'water'));
  const regional = await api.key('supervisor', { regions: ['4103'] });
  expect(await list(regional, '')).toEqual(expected((p) => String(p.region).startsWith('4103')));
  expect(await list(regional, '&region=4101')).toEqual([]);
});
