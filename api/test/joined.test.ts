/**
 * The joined platforms over real HTTP on the committed sample: the credit platform's sanctions of
 * an entity (its own, its legal representative's) in the entity view and at
 * /entities/:id/sanctions, the investment-approval records of a project code at /approvals/:code
 * with the projects that carry it, a project's approval with the approval detectors' findings,
 * all compared with the fixture file and kept to the key's jurisdiction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rescore } from '../../engine/rescore';
import { loadPaths } from '../../ingest/load';
import { IdHasher } from '../../ingest/normalise/id-number';
import { emptyGraph } from '../../test/graph';
import { TestApi } from '../../test/api';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests probe JSON answers field by field */

const SAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'sample');
const REGION = '4103';

type Rec = Record<string, any>;
const records: Rec[] = fs
  .readFileSync(path.join(SAMPLE, 'trading.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Rec);
const ofType = (type: string) => records.filter((r) => r.type === type);
const sanctions = ofType('sanction');
const approvals = ofType('approval');
const projects = ofType('project');
const organizations = ofType('organization');
const truth = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'truth.json'), 'utf8')) as {
  schemes: { family: string; projects: string[]; lots: string[]; values: Rec }[];
};

let api: TestApi;
let admin: string;
let regional: string;

beforeAll(async () => {
  api = await TestApi.start();
  const graph = api.server.deps.graph;
  await emptyGraph(graph);
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-joined-'));
  await loadPaths(graph, [path.join(SAMPLE, 'trading.ndjson')], new IdHasher(Buffer.from('test-key')), { reportDir });
  await rescore(graph, { full: true });
  admin = await api.key('admin');
  regional = await api.key('investigator', { regions: [REGION] });
});
afterAll(async () => {
  await api.close();
});

/** The fields of a sanction record the API shows, as the file gives them. */
const expected = (s: Rec) => ({
  entity: s.entity,
  kind: s.kind,
  date: s.date ?? null,
  until: s.until ?? null,
  scope: s.scope ?? null,
  authority: s.authority ?? null,
  reason: s.reason ?? null,
  source: s.source ?? null,
});
const shown = (s: Rec) => ({
  entity: s.entity,
  kind: s.kind,
  date: s.date,
  until: s.until,
  scope: s.scope,
  authority: s.authority,
  reason: s.reason,
  source: s.source,
});

test('the sample has sanctions of several kinds, one on a legal representative, and approvals', () => {
  expect(new Set(sanctions.map((s) => s.kind)).size).toBeGreaterThanOrEqual(4);
  expect(sanctions.some((s) => s.kind === 'warning')).toBe(true);
  expect(sanctions.some((s) => organizations.some((o) => o.legal_rep === s.entity))).toBe(true);
  expect(approvals.length).toBeGreaterThan(10);
});

test('every sanction of the file is shown on its entity, with whether it bars; warnings bar nobody', async () => {
  for (const s of sanctions) {
    const res = await api.get(`/api/v1/entities/${s.entity}/sanctions`, admin);
    expect(res.status).toBe(200);
    const own = (res.body.items as Rec[]).filter((x) => x.via === 'self');
    expect(own.map(shown)).toContainEqual(expected(s));
    const item = own.find((x) => x.kind === s.kind && x.date === s.date)!;
    expect(item.bars).toBe(s.kind !== 'warning');
    expect(item.id).toMatch(/\S/);
    const entity = await api.get(`/api/v1/entities/${s.entity}`, admin);
    expect((entity.body.sanctions as Rec[]).map(shown)).toContainEqual(expected(s));
  }
});

test('an organisation shows the sanctions of its legal representative; others show none', async () => {
  const s = sanctions.find((x) => organizations.some((o) => o.legal_rep === x.entity))!;
  const org = organizations.find((o) => o.legal_rep === s.entity)!;
  const res = await api.get(`/api/v1/entities/${org.id}/sanctions`, admin);
  const viaRep = (res.body.items as Rec[]).filter((x) => x.via === 'legal_rep');
  expect(viaRep.map(shown)).toEqual([expected(s)]);
  const sanctioned = new Set(sanctions.map((x) => x.entity));
  const clean = organizations.find(
    (o) => !sanctioned.has(o.id) && !sanctioned.has(o.legal_rep) && o.kind === 'company',
  )!;
  expect((await api.get(`/api/v1/entities/${clean.id}/sanctions`, admin)).body.items).toEqual([]);
});

test('sanctions keep to the jurisdiction: outside it and for unknown ids the answer is 404', async () => {
  const outside = sanctions.find((s) =>
    projects.every((p) => p.tenderer !== s.entity) && s.entity.startsWith('ORG')
      ? !records.some(
          (r) =>
            r.type === 'bid' &&
            r.bidder === s.entity &&
            projects
              .find((p) => p.id === ofType('lot').find((l) => l.id === r.lot)?.project)
              ?.region?.startsWith(REGION),
        )
      : false,
  )!;
  expect(outside).toBeDefined();
  expect((await api.get(`/api/v1/entities/${outside.entity}/sanctions`, regional)).status).toBe(404);
  expect((await api.get(`/api/v1/entities/${outside.entity}/sanctions`, admin)).status).toBe(200);
  const unknown = await api.get('/api/v1/entities/NO-SUCH-ID/sanctions', admin);
  expect(unknown.status).toBe(404);
  expect(unknown.body.detail).toContain('NO-SUCH-ID');
});

test('GET /approvals/:code gives the code’s approvals and the projects that carry it', async () => {
  const codes = [...new Set(approvals.map((a) => a.project_code as string))];
  let withProjects = 0;
  for (const code of codes.slice(0, 25)) {
    const res = await api.get(`/api/v1/approvals/${code}`, admin);
    expect(res.status).toBe(200);
    const want = approvals.filter((a) => a.project_code === code);
    expect((res.body.approvals as Rec[]).map((a) => [a.id, a.kind, a.properties.investment ?? null])).toEqual(
      want.map((a) => [a.id, a.kind, a.investment ?? null]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const carrying = projects.filter((p) => p.project_code === code).map((p) => p.id);
    expect((res.body.projects as Rec[]).map((p) => p.id)).toEqual(carrying.sort());
    if (carrying.length > 0) withProjects++;
  }
  expect(withProjects).toBeGreaterThan(0);
});

test('approvals keep to the jurisdiction; a malformed code is 400, an unknown one 404', async () => {
  const carried = (region: (r: string) => boolean) =>
    approvals.find((a) => {
      const ps = projects.filter((p) => p.project_code === a.project_code);
      return ps.length > 0 && ps.every((p) => region(p.region ?? ''));
    })!.project_code as string;
  const inside = carried((r) => r.startsWith(REGION));
  const outside = carried((r) => !r.startsWith(REGION));
  expect((await api.get(`/api/v1/approvals/${inside}`, regional)).status).toBe(200);
  expect((await api.get(`/api/v1/approvals/${outside}`, regional)).status).toBe(404);
  const bad = await api.get('/api/v1/approvals/not-a-code', admin);
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('2017-410102-48-01-012345');
  expect((await api.get('/api/v1/approvals/1999-410102-48-01-000000', admin)).status).toBe(404);
});

test('a planted approval mismatch shows on its project with the approval and on the code', async () => {
  const planted = truth.schemes.filter((s) => s.family === 'approval-mismatch');
  expect(planted.length).toBeGreaterThan(0);
  for (const scheme of planted) {
    const [projectId] = scheme.projects;
    const res = await api.get(`/api/v1/projects/${projectId}`, admin);
    expect(res.status).toBe(200);
    const mismatches = res.body.approval_mismatches as Rec[];
    expect(mismatches.map((f) => f.detector)).toContain('approval-mismatch');
    for (const f of mismatches) expect(f.evidence.length).toBeGreaterThan(0);
    const code = res.body.project.project_code as string | undefined;
    if (code && approvals.some((a) => a.project_code === code)) {
      const byCode = await api.get(`/api/v1/approvals/${code}`, admin);
      expect((byCode.body.flags as Rec[]).map((f) => f.detector)).toContain('approval-mismatch');
    }
  }
});

test('the three joined-platform detectors reach the flag list, the change feed and the statistics', async () => {
  const overview = (await api.get('/api/v1/stats/overview', admin)).body.flags_by_detector as Rec[];
  for (const family of ['debarred-bidder', 'approval-mismatch', 'split-to-avoid-tendering']) {
    const plantedLots = truth.schemes.filter((s) => s.family === family).map((s) => s.lots);
    expect(plantedLots.length).toBeGreaterThan(0);
    const list = await api.get(`/api/v1/flags?detector=${family}&limit=200`, admin);
    expect(list.status).toBe(200);
    const flags = list.body.items as Rec[];
    expect(flags.every((f) => f.detector === family)).toBe(true);
    for (const lots of plantedLots) expect(flags.some((f) => lots.some((l) => f.lots.includes(l)))).toBe(true);
    for (const flag of flags) expect(flag.evidence.length).toBeGreaterThan(0);

    const feed = await api.get(`/api/v1/flags?detector=${family}&since=2000-01-01T00:00:00Z&limit=200`, admin);
    expect((feed.body.items as Rec[]).map((f) => f.id).sort()).toEqual(flags.map((f) => f.id).sort());
    expect(overview.find((row) => row.detector === family)?.flags).toBe(list.body.total);
  }
});
