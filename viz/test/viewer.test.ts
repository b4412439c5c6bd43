/**
 * The investigator viewer in headless Chromium (Debian's `chromium`, driven by playwright-core)
 * against the real API, Neo4j and Redis: sign in by `#key=`, open a planted shared-fingerprint
 * flag and read its evidence, expand a node, export PNG, GEXF and CSV, a hostile organisation name
 * shown as text, a regional key that sees nothing outside its jurisdiction, a non-blank
 * screenshot of each main view, the case-file (案卷) download buttons, and the statistics dashboard (#stats: totals equal to
 * /stats/overview with and without the filter form, drawn charts, a sector bar listing that sector's
 * flagged projects, a month bar listing exactly that month's projects, CSV export, process tables).
 * Without Chromium the suite fails (it does not skip).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { launchChromium } from '../../tools/chromium';
import { rescore } from '../../engine/rescore';
import { loadPaths } from '../../ingest/load';
import { IdHasher } from '../../ingest/normalise/id-number';
import { TestApi } from '../../test/api';
import { emptyGraph } from '../../test/graph';
import { distinctColours } from '../../test/png';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'fixtures', 'sample', 'trading.ndjson');
const XSS = '<img src=x onerror=alert(1)>';
const XSS_ORG = 'ORGXSS0001';
const XSS_LOT = 'LOT000002';
/** The planted same-machine case of the sample (fixtures/sample/truth.json, scheme S0004). */
const PLANTED = { lot: 'LOT000096', entities: ['ORG000160', 'ORG000206'] };

let api: TestApi;
let browser: Browser;
let key: string;
let flagId: string;
const dialogs: string[] = [];
const pageErrors: string[] = [];

type FlagItem = { id: string; lots: string[]; entities: string[] };

async function allFlags(k: string, query = ''): Promise<FlagItem[]> {
  const items: FlagItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: FlagItem[]; next_cursor: string | null } } = await api.get(
      `/api/v1/flags?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`,
      k,
    );
    items.push(...page.body.items);
    cursor = page.body.next_cursor;
  } while (cursor);
  return items;
}

function xssFixture(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'viz-xss-')), 'xss.ndjson');
  const records = [
    { type: 'organization', id: XSS_ORG, name: XSS, region: '410102', kind: 'company' },
    {
      type: 'bid',
      id: 'BIDXSS0001',
      lot: XSS_LOT,
      bidder: XSS_ORG,
      price: 230000,
      submitted_at: '2023-05-22T08:00:00+08:00',
      ip: '203.0.113.77',
      status: 'valid',
      won: false,
    },
  ];
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return page;
}

/** What the predicates read in the page (functions are serialised: the page's CSP forbids eval of strings). */
interface PageGlobals {
  __viewer?: { loaded(): string; busy(): number; nodeCount(): number };
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

/** Waits until the viewer has drawn `route` (e.g. "flag=F-1") and nothing is loading. */
async function drawn(page: Page, route: string): Promise<void> {
  await page.waitForFunction(
    (r) => {
      const viewer = (globalThis as unknown as PageGlobals).__viewer;
      return viewer !== undefined && viewer.loaded() === r && viewer.busy() === 0;
    },
    route,
    { timeout: 30_000 },
  );
}

/** Waits until an element's text contains `text` (or, with `not`, no longer starts with it). */
async function textOf(page: Page, selector: string, text: string, not = false): Promise<void> {
  await page.waitForFunction(
    ([sel, t, negate]) => {
      const content = (globalThis as unknown as PageGlobals).document.querySelector(sel)?.textContent ?? '';
      return negate ? !content.startsWith(t) : content.includes(t);
    },
    [selector, text, not] as const,
    { timeout: 30_000 },
  );
}

async function nonBlank(page: Page, selector: string, name: string): Promise<void> {
  const shot = await page.locator(selector).screenshot({ path: path.join(os.tmpdir(), `viz-${name}.png`) });
  expect(await distinctColours(page, shot)).toBeGreaterThan(8);
}

async function downloadsOf(page: Page, button: string, count: number): Promise<Map<string, Buffer>> {
  const seen: Download[] = [];
  const done = new Promise<void>((resolve) => {
    const listener = (d: Download) => {
      seen.push(d);
      if (seen.length === count) {
        page.off('download', listener);
        resolve();
      }
    };
    page.on('download', listener);
  });
  await page.click(button);
  await done;
  const files = new Map<string, Buffer>();
  for (const d of seen) files.set(d.suggestedFilename(), fs.readFileSync(await d.path()));
  return files;
}

beforeAll(async () => {
  browser = await launchChromium('viewer tests');
  execFileSync(process.execPath, [path.join(ROOT, 'viz', 'build.js')], { stdio: 'inherit' });
  api = await TestApi.start();
  const graph = api.server.deps.graph;
  await emptyGraph(graph);
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'viz-load-'));
  const report = await loadPaths(graph, [SAMPLE, xssFixture()], new IdHasher(Buffer.from('test-key')), { reportDir });
  expect(report.ok).toBe(true);
  await rescore(graph, { full: true });
  key = await api.key('investigator');
  const planted = (await allFlags(key, '&detector=shared-fingerprint')).find(
    (f) => f.lots.includes(PLANTED.lot) && PLANTED.entities.every((e) => f.entities.includes(e)),
  );
  if (!planted) throw new Error('viewer tests: the planted shared-fingerprint flag of LOT000096 was not raised');
  flagId = planted.id;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

test('signs in by #key=, opens a planted flag with its evidence, expands a node, exports, screenshots', async () => {
  const page = await newPage();
  await page.goto(`${api.url}/#key=${key}&flag=${flagId}`);
  await drawn(page, `flag=${flagId}`);
  expect(page.url()).not.toContain('key=');
  expect(page.url()).toContain(`flag=${flagId}`);
  expect(await page.evaluate('sessionStorage.getItem("collusion.apiKey")')).toBe(key);

  const panel = page.locator('#panel');
  await expect(panel.locator('h2').textContent()).resolves.toBeTruthy();
  const evidence = (await panel.textContent()) ?? '';
  expect(evidence).toContain('shared-fingerprint');
  expect(evidence).toContain(PLANTED.lot);
  for (const entity of PLANTED.entities) expect(evidence).toContain(entity);
  expect(await panel.locator('.evidence li').count()).toBeGreaterThan(0);
  expect(await panel.locator('a[href^="#project="]').count()).toBeGreaterThan(0);

  await page.waitForSelector('#flag-list li[data-flag]');
  await nonBlank(page, '#flag-list', 'flag-list');
  await nonBlank(page, '#panel', 'evidence');

  const before = (await page.evaluate('window.__viewer.nodeCount()')) as number;
  expect(before).toBeGreaterThan(3);
  for (const entity of PLANTED.entities) {
    expect(await page.evaluate(`window.__viewer.nodes().includes(${JSON.stringify(entity)})`)).toBe(true);
  }
  await page.evaluate(`window.__viewer.select(${JSON.stringify(PLANTED.entities[0])})`);
  await page.click('#expand');
  await page.waitForFunction(
    (n) => {
      const viewer = (globalThis as unknown as PageGlobals).__viewer!;
      return viewer.busy() === 0 && viewer.nodeCount() > n;
    },
    before,
    { timeout: 30_000 },
  );
  const after = (await page.evaluate('window.__viewer.nodeCount()')) as number;
  expect(after).toBeGreaterThan(before);
  await page.evaluate('window.__viewer.stopLayout()');
  await page.waitForTimeout(300);
  await nonBlank(page, '#graph', 'graph');

  const png = (await downloadsOf(page, '#export-png', 1)).get('graph.png')!;
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(await distinctColours(page, png)).toBeGreaterThan(8);

  const gexf = (await downloadsOf(page, '#export-gexf', 1)).get('graph.gexf')!.toString('utf8');
  expect(gexf).toMatch(/^<\?xml/);
  expect(gexf).toMatch(/<gexf [^>]*xmlns="http:\/\/www\.gexf\.net\/1\.[23]/);
  expect(gexf).toContain(`id="${PLANTED.entities[0]}"`);

  const csv = await downloadsOf(page, '#export-csv', 2);
  const nodes = csv.get('graph-nodes.csv')!.toString('utf8').split('\r\n');
  const edges = csv.get('graph-edges.csv')!.toString('utf8').split('\r\n');
  expect(nodes[0]).toBe('id,label,type,kind,risk,community,x,y');
  expect(edges[0]).toBe('id,source,target,type,category,date');
  expect(nodes.length - 2).toBe(after);
  expect(edges.length).toBeGreaterThan(2);

  const triage = page.locator('#panel button[data-triage="confirmed"]');
  await page.fill('#panel textarea', 'same machine code, checked');
  await triage.click();
  await expect(page.locator('#panel .flag-status').textContent()).resolves.toBeTruthy();
  await textOf(page, '#panel .flag-status', 'confirmed');
  expect((await api.get(`/api/v1/flags/${flagId}`, key)).body.status).toBe('confirmed');
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('the flag panel and an entity’s communities download their case file (案卷) with the session’s key', async () => {
  const page = await newPage();
  await page.goto(`${api.url}/#key=${key}&flag=${flagId}`);
  await drawn(page, `flag=${flagId}`);
  const flagFiles = await downloadsOf(page, `#panel button[data-case="${flagId}"]`, 1);
  const [[name, body]] = [...flagFiles.entries()];
  expect(name).toBe(`case-${flagId}.html`);
  expect(body.toString('utf8')).toContain(flagId);
  expect(body.toString('utf8')).toContain('证据');
  await page.goto(`${api.url}/#entity=${PLANTED.entities[0]}`);
  await drawn(page, `entity=${PLANTED.entities[0]}`);
  const communityFiles = await downloadsOf(page, '#panel button[data-case^="C-"]', 1);
  const [[communityName, communityBody]] = [...communityFiles.entries()];
  expect(communityName).toMatch(/^case-C-[0-9a-f]+\.html$/);
  expect(communityBody.toString('utf8')).toContain(PLANTED.entities[0]);
  expect(pageErrors).toEqual([]);
});

test('a hostile organisation name renders as text in the panel, the bid table and the search', async () => {
  const page = await newPage();
  await page.goto(`${api.url}/#key=${key}&entity=${XSS_ORG}`);
  await drawn(page, `entity=${XSS_ORG}`);
  expect(await page.locator('#panel h2').textContent()).toBe(XSS);
  await page.goto(`${api.url}/#lot=${XSS_LOT}`);
  await drawn(page, `lot=${XSS_LOT}`);
  expect(await page.locator('#panel').textContent()).toContain(XSS);
  expect(await page.evaluate(`window.__viewer.nodes().includes(${JSON.stringify(XSS_ORG)})`)).toBe(true);
  await page.fill('#search input', 'onerror');
  await page.waitForSelector('#search-results .name');
  expect(await page.locator('#search-results').textContent()).toContain(XSS);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('an entity shows its sanctions and a project its approval with the mismatches found', async () => {
  const page = await newPage();
  // ORG000169 is under a bidding ban in the sample (fixtures/sample/trading.ndjson).
  await page.goto(`${api.url}/#key=${key}&entity=ORG000169`);
  await drawn(page, 'entity=ORG000169');
  const sanctions = await page
    .locator('#panel table.sanctions tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(sanctions).toContainEqual([
    'bidding_ban',
    'tendering',
    '2023-01-01',
    '2024-03-30',
    'ORG000005',
    '串通投标，取消投标资格',
    '',
    'bars',
  ]);

  const mismatch = (await allFlags(key, '&detector=approval-mismatch')) as (FlagItem & { project?: string })[];
  const project = mismatch.find((f) => f.project)!.project!;
  await page.goto(`${api.url}/#project=${project}`);
  await drawn(page, `project=${project}`);
  const panel = page.locator('#panel');
  expect(await panel.locator('h3', { hasText: 'Approval' }).count()).toBe(1);
  const items = panel.locator('ul.approval-mismatches li');
  expect(await items.count()).toBeGreaterThan(0);
  expect(await items.first().locator('a[href^="#flag="]').textContent()).toBe('approval-mismatch');
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a regional key lists only its flags and cannot open one outside its jurisdiction', async () => {
  const regional = await api.key('auditor', { regions: ['4103'] });
  const mine = new Set((await allFlags(regional)).map((f) => f.id));
  const outside = (await allFlags(key)).find((f) => !mine.has(f.id))!;
  expect(mine.size).toBeGreaterThan(0);
  expect(outside).toBeDefined();

  const page = await newPage();
  await page.goto(`${api.url}/`);
  await page.fill('#login-form input', regional);
  await page.click('#login-form button');
  await page.waitForSelector('#flag-list li[data-flag]');
  await textOf(page, '#flag-list .note', 'Loading', true);
  const listed = await page
    .locator('#flag-list li[data-flag]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-flag')));
  expect(listed.length).toBe(Math.min(50, mine.size));
  for (const id of listed) expect(mine.has(id!)).toBe(true);

  await page.evaluate(`location.hash = 'flag=${outside.id}'`);
  await textOf(page, '#status', 'not found in your jurisdiction');
  expect(await page.evaluate('window.__viewer.nodeCount()')).toBe(0);
  expect(((await page.locator('#panel').textContent()) ?? '').trim()).toBe('');
});

test('the statistics dashboard: totals equal /stats/overview, charts drawn, a sector bar lists its projects, CSV', async () => {
  type Row = Record<string, number | string | null>;
  const overview = (await api.get('/api/v1/stats/overview', key)).body as Row & { by_sector: Row[] };
  // The sector with the most projects among those with active flags: its bar opens a list of projects.
  const sectors = [...overview.by_sector]
    .filter((r) => r.sector)
    .sort((a, b) => Number(b.projects) - Number(a.projects));
  let sector = '';
  let flagged: (FlagItem & { project?: string; lot?: string })[] = [];
  for (const row of sectors) {
    flagged = await allFlags(key, `&sector=${String(row.sector)}`);
    if (flagged.length > 0) {
      sector = String(row.sector);
      break;
    }
  }
  expect(sector).not.toBe('');
  const projects = new Set(flagged.map((f) => f.project).filter((p): p is string => Boolean(p)));

  const page = await newPage();
  await page.goto(`${api.url}/#key=${key}&stats`);
  await drawn(page, 'stats');
  expect(await page.locator('#investigate').isHidden()).toBe(true);
  expect(await page.locator('#nav a[aria-current="page"]').getAttribute('href')).toBe('#stats');
  for (const name of ['projects', 'lots', 'bids', 'single_bid_lots', 'retendered_projects', 'failed_lots']) {
    expect(await page.locator(`[data-total="${name}"]`).textContent()).toBe(String(overview[name]));
  }
  const awarded = (await page.locator('[data-total="awarded_amount"]').textContent()) ?? '';
  expect(Number(awarded.replace(/,/g, ''))).toBe(overview.awarded_amount);
  expect(Number(overview.projects)).toBeGreaterThan(0);
  for (const chart of [
    'by-sector',
    'by-region',
    'by-month',
    'flags-by-detector',
    'price-ratio-by-sector',
    'process-stages',
  ]) {
    expect(await page.locator(`canvas[data-chart="${chart}"]`).count()).toBe(1);
  }
  await nonBlank(page, 'canvas[data-chart="by-sector"]', 'stats-by-sector');

  const index = overview.by_sector.findIndex((r) => r.sector === sector);
  const point = (await page.evaluate(`window.__viewer.barPoint('by-sector', ${index})`)) as {
    x: number;
    y: number;
  } | null;
  expect(point).not.toBeNull();
  await page.locator('canvas[data-chart="by-sector"]').click({ position: point! });
  await page.waitForSelector(`#stats-matches[data-value="${sector}"] table`, { timeout: 30_000 });
  const listed = await page
    .locator('#stats-matches a[href^="#project="]')
    .evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.slice('#project='.length))));
  expect(listed.length).toBeGreaterThan(0);
  for (const project of projects) expect(listed).toContain(project);
  expect(await page.locator('#stats-matches').textContent()).toContain(sector);

  const csv = (await downloadsOf(page, '[data-card="by-sector"] button.csv', 1)).get('by-sector.csv')!.toString('utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('sector,projects,lots,bids,awarded_amount,single_bid_lots,failed_lots,retendered_projects');
  expect(lines.length - 2).toBe(overview.by_sector.length);
  const matchesCsv = (await downloadsOf(page, '#stats-matches button.csv', 1))
    .get(`projects-sector-${sector}.csv`)!
    .toString('utf8');
  expect(matchesCsv.split('\r\n')[0]).toBe('kind,id,flags,top_score,detectors,outlier_lots');

  await page.click('#nav a[href="#"]');
  await drawn(page, 'list');
  expect(await page.locator('#stats-view').isHidden()).toBe(true);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('the dashboard filter form, a month bar, prices by region, bidders per lot and the process tables match the API', async () => {
  type Row = Record<string, number | string | null>;
  type Stats = Row & { by_region: Row[]; by_month: Row[] };
  const most = (rows: Row[], dim: string) =>
    String([...rows].filter((r) => r[dim]).sort((a, b) => Number(b.projects) - Number(a.projects))[0][dim]);
  const all = (await api.get('/api/v1/stats/overview', key)).body as Stats;
  const region = most(all.by_region, 'region');
  const regional = (await api.get(`/api/v1/stats/overview?region=${region}`, key)).body as Stats;
  const from = `${most(regional.by_month, 'month')}-10`;
  const query = `region=${region}&from=${from}`;
  const [overview, prices, process] = await Promise.all(
    ['overview', 'prices', 'process'].map(async (name) => (await api.get(`/api/v1/stats/${name}?${query}`, key)).body),
  );
  const o = overview as Stats;
  expect(Number(o.projects)).toBeGreaterThan(0);
  expect(Number(o.projects)).toBeLessThan(Number(all.projects));

  const page = await newPage();
  await page.goto(`${api.url}/#key=${key}&stats`);
  await drawn(page, 'stats');
  await page.fill('.stats-filters input[name="region"]', region);
  await page.fill('.stats-filters input[name="from"]', from);
  await page.click('.stats-filters button[type="submit"]');
  await textOf(page, '#stats-view', `Filtered by from ${from}, region ${region}`);
  await drawn(page, 'stats');
  for (const name of ['projects', 'lots', 'bids', 'single_bid_lots', 'retendered_projects', 'failed_lots']) {
    expect(await page.locator(`[data-total="${name}"]`).textContent()).toBe(String(o[name]));
  }

  // The month with most projects after the filter: its bar lists exactly GET /projects for that month.
  const month = most(o.by_month, 'month');
  const [year, m] = month.split('-').map(Number);
  const end = `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const start = from > `${month}-01` ? from : `${month}-01`;
  const expected: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: { id: string }[]; next_cursor: string | null } } = await api.get(
      `/api/v1/projects?limit=100&region=${region}&from=${start}&to=${end}${cursor ? `&cursor=${cursor}` : ''}`,
      key,
    );
    expected.push(...res.body.items.map((p) => p.id));
    cursor = res.body.next_cursor;
  } while (cursor);
  expect(expected.length).toBe(Number(o.by_month.find((r) => r.month === month)!.projects));
  const index = o.by_month.findIndex((r) => r.month === month);
  const point = (await page.evaluate(`window.__viewer.barPoint('by-month', ${index})`)) as { x: number; y: number };
  await page.locator('canvas[data-chart="by-month"]').click({ position: point });
  await page.waitForSelector(`#stats-matches[data-kind="month"][data-value="${month}"] table`, { timeout: 30_000 });
  const listed = await page
    .locator('#stats-matches a[href^="#project="]')
    .evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.slice('#project='.length))));
  expect(listed.sort()).toEqual(expected.sort());

  // Prices by region and bidders per lot: drawn, and the CSV is the API's histogram.
  await nonBlank(page, 'canvas[data-chart="price-ratio-by-region"]', 'stats-price-by-region');
  await nonBlank(page, 'canvas[data-chart="bidders-per-lot"]', 'stats-bidders-per-lot');
  const p = prices as { bidders_per_lot: { histogram: { bidders: number; lots: number }[] } };
  const bidders = (await downloadsOf(page, '[data-card="bidders-per-lot"] button.csv', 1))
    .get('bidders-per-lot.csv')!
    .toString('utf8');
  expect(bidders).toBe(
    ['bidders,lots', ...p.bidders_per_lot.histogram.map((h) => `"${h.bidders}","${h.lots}"`)].join('\r\n') + '\r\n',
  );

  // The process tables: one row per legal limit with the API's counts, one per agent in rank order.
  const proc = process as {
    breaches: { checked: number; broken: number }[];
    ranking: { agents: { agent: { id: string | null }; lots: number }[] };
  };
  const breachRows = await page
    .locator('[data-card="process-breaches"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(breachRows.map((r) => [Number(r[3]), Number(r[4])])).toEqual(proc.breaches.map((b) => [b.checked, b.broken]));
  expect(proc.breaches.some((b) => b.checked > 0)).toBe(true);
  const agentRows = await page
    .locator('[data-card="process-agents"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(agentRows.map((r) => Number(r[2]))).toEqual(proc.ranking.agents.map((a) => a.lots));
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});
