/**
 * GET /stats/overview, /stats/prices and /stats/process over real HTTP on the loaded sample. Every
 * figure is compared with the same figure computed here, independently, from
 * fixtures/sample/trading.ndjson with plain TypeScript (no Cypher, no code of api/views/stats.ts),
 * for an unrestricted key, for filters, and for a regional key; data loaded outside a regional
 * key's jurisdiction must not change its figures.
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

const SAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'sample', 'trading.ndjson');

type Rec = Record<string, any>;
interface Data {
  projects: Rec[];
  lots: Rec[];
  bids: Rec[];
  orgs: Map<string, Rec>;
}
interface Filter {
  regions?: string[];
  sectors?: string[];
  region?: string;
  sector?: string;
  from?: string;
  to?: string;
}

function readData(file: string): Data {
  const records = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Rec);
  return {
    projects: records.filter((r) => r.type === 'project'),
    lots: records.filter((r) => r.type === 'lot'),
    bids: records.filter((r) => r.type === 'bid'),
    orgs: new Map(records.filter((r) => r.type === 'organization').map((r) => [r.id as string, r])),
  };
}

// ---- independent reference computations -------------------------------------------------------

/** Linear interpolation between closest ranks (R-7), in the arithmetic order Neo4j uses. */
function quantile(values: number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 1) return v[0];
  const x = p * (v.length - 1);
  const f = Math.floor(x);
  const c = Math.ceil(x);
  if (f === c || f === v.length - 1) return v[f];
  return v[f] * (c - x) + v[c] * (x - f);
}
const q5 = (values: number[]) => ({
  lots: values.length,
  p10: quantile(values, 0.1),
  p25: quantile(values, 0.25),
  p50: quantile(values, 0.5),
  p75: quantile(values, 0.75),
  p90: quantile(values, 0.9),
});
const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
const day = (s: unknown) => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined);
const daysBetween = (a: unknown, b: unknown): number | undefined => {
  const [x, y] = [day(a), day(b)];
  return x && y ? Math.round((Date.parse(y) - Date.parse(x)) / 86_400_000) : undefined;
};
function groupBy<T>(items: T[], key: (t: T) => string | null): [string | null, T[]][] {
  const map = new Map<string | null, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return [...map.entries()].sort(([a], [b]) => cmp(a, b));
}

function keptProjects(data: Data, f: Filter): Rec[] {
  return data.projects.filter((p) => {
    const region: string = p.region ?? '';
    const announced = day(p.events?.announced);
    return (
      (!f.regions || f.regions.some((r) => region.startsWith(r))) &&
      (!f.sectors || f.sectors.includes(p.sector)) &&
      (!f.region || region.startsWith(f.region)) &&
      (!f.sector || p.sector === f.sector) &&
      (!f.from || (announced !== undefined && announced >= f.from)) &&
      (!f.to || (announced !== undefined && announced <= f.to))
    );
  });
}

function winnersOf(bids: Rec[]): Rec[] {
  const marked = bids.some((b) => b.won !== undefined);
  return bids.filter((b) => (marked ? b.won === true : b.rank === 1 && (b.status ?? 'valid') === 'valid'));
}

interface LotFacts {
  lot: Rec;
  project: Rec;
  bids: Rec[];
  winners: Rec[];
}
function lotFacts(data: Data, f: Filter): LotFacts[] {
  const projects = new Map(keptProjects(data, f).map((p) => [p.id as string, p]));
  return data.lots
    .filter((l) => projects.has(l.project))
    .map((lot) => {
      const bids = data.bids.filter((b) => b.lot === lot.id);
      return { lot, project: projects.get(lot.project) as Rec, bids, winners: winnersOf(bids) };
    });
}

function expectedOverview(data: Data, f: Filter): Rec {
  const facts = lotFacts(data, f);
  const perProject = keptProjects(data, f).map((p) => {
    const lots = facts.filter((x) => x.project.id === p.id);
    const failed = lots.filter(
      (x) => x.winners.length === 0 && (x.lot.events?.evaluated || p.events?.evaluated) !== undefined,
    ).length;
    return {
      sector: p.sector ?? null,
      region: p.region ? String(p.region).slice(0, 4) : null,
      month: day(p.events?.announced)?.slice(0, 7) ?? null,
      counts: {
        projects: 1,
        lots: lots.length,
        bids: lots.reduce((s, x) => s + x.bids.length, 0),
        awarded_amount: lots.reduce((s, x) => s + x.winners.reduce((t, b) => t + b.price, 0), 0),
        single_bid_lots: lots.filter((x) => x.bids.length === 1).length,
        failed_lots: failed,
        retendered_projects: failed > 0 ? 1 : 0,
      },
    };
  });
  const sum = (rows: typeof perProject): Record<string, number> => {
    const out: Record<string, number> = {
      projects: 0,
      lots: 0,
      bids: 0,
      awarded_amount: 0,
      single_bid_lots: 0,
      failed_lots: 0,
      retendered_projects: 0,
    };
    for (const r of rows) for (const [k, v] of Object.entries(r.counts)) out[k] += v;
    return out;
  };
  const by = (field: 'sector' | 'region' | 'month') =>
    groupBy(perProject, (r) => r[field]).map(([key, rows]) => ({ [field]: key, ...sum(rows) }));
  // Nothing is scored until the flag-totals test, which checks the flag totals against GET /flags.
  return {
    ...sum(perProject),
    by_sector: by('sector'),
    by_region: by('region'),
    by_month: by('month'),
    flags_by_detector: [],
  };
}

const BANDS = [1_000_000, 5_000_000, 20_000_000];
const BAND_NAMES = ['<1M', '1-5M', '5-20M', '>=20M'];

function expectedPrices(data: Data, f: Filter, limit: number) {
  const rows = lotFacts(data, f).map((x) => {
    const ceiling = x.lot.ceiling_price;
    const price = x.winners.length === 1 && ceiling > 0 ? (x.winners[0].price as number) : undefined;
    const band = BANDS.findIndex((b) => ceiling < b);
    return {
      lot: x.lot.id as string,
      project: x.project.id as string,
      sector: (x.project.sector ?? null) as string | null,
      region: x.project.region ? (String(x.project.region).slice(0, 4) as string) : null,
      ceiling,
      price,
      ratio: price === undefined ? undefined : price / ceiling,
      band: band === -1 ? BANDS.length : band,
      bidders: new Set(x.bids.map((b) => b.bidder)).size,
    };
  });
  const priced = rows.filter((r) => r.ratio !== undefined);
  const ratios = (rs: typeof rows) => rs.map((r) => r.ratio as number);
  const groups = groupBy(priced, (r) => `${r.sector}\u0000${r.band}`).map(([, members]) => {
    const rs = ratios(members);
    const [p10, median, p90] = [quantile(rs, 0.1), quantile(rs, 0.5), quantile(rs, 0.9)];
    const outside =
      members.length >= 5 ? members.filter((m) => (m.ratio as number) < p10 || (m.ratio as number) > p90) : [];
    return { sector: members[0].sector, band: members[0].band, lots: members.length, p10, median, p90, outside };
  });
  groups.sort((a, b) => cmp(a.sector, b.sector) || a.band - b.band);
  const outliers = groups
    .flatMap((g) =>
      g.outside.map((m) => ({
        lot: m.lot,
        project: m.project,
        sector: g.sector,
        band: BAND_NAMES[g.band],
        ceiling: m.ceiling,
        price: m.price,
        ratio: m.ratio as number,
        group_median: g.median,
        group_p10: g.p10,
        group_p90: g.p90,
      })),
    )
    .sort((a, b) => Math.abs(b.ratio - b.group_median) - Math.abs(a.ratio - a.group_median) || cmp(a.lot, b.lot))
    .slice(0, limit);
  const bidders = rows.map((r) => r.bidders);
  return {
    lots: rows.length,
    priced_lots: priced.length,
    ratio: q5(ratios(priced)),
    by_sector: groupBy(priced, (r) => r.sector).map(([sector, rs]) => ({ sector, ...q5(ratios(rs)) })),
    by_region: groupBy(priced, (r) => r.region).map(([region, rs]) => ({ region, ...q5(ratios(rs)) })),
    bidders_per_lot: {
      histogram: groupBy(rows, (r) => String(r.bidders).padStart(6, '0')).map(([, rs]) => ({
        bidders: rs[0].bidders,
        lots: rs.length,
      })),
      quantiles: { ...q5(bidders), mean: bidders.reduce((s, b) => s + b, 0) / bidders.length },
    },
    similar_lots: {
      groups: groups.map((g) => ({
        sector: g.sector,
        band: BAND_NAMES[g.band],
        lots: g.lots,
        p10: g.p10,
        median: g.median,
        p90: g.p90,
        outliers: g.outside.length,
      })),
      outliers,
      outliers_limit: limit,
    },
  };
}

const CHAIN = [
  'announced',
  'bid_deadline',
  'opened',
  'evaluated',
  'candidates_published',
  'awarded',
  'contract_signed',
];
const RULE_NAMES = ['bid_window', 'publicity', 'contract'];

interface Item {
  kind: 'stage' | 'total' | 'rule';
  name: string;
  index: number;
  days: number;
  broken: boolean;
}

/** The lot's measurable spans, straight from the law's numbers (20, 3, 30 days) and the sample records. */
function itemsOf(project: Rec, lot: Rec): Item[] {
  const own = Object.fromEntries(Object.entries(lot.events ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  const ev: Rec = { ...(project.events ?? {}), ...own };
  const items: Item[] = [];
  CHAIN.slice(1).forEach((to, i) => {
    const d = daysBetween(ev[CHAIN[i]], ev[to]);
    if (d !== undefined) items.push({ kind: 'stage', name: `${CHAIN[i]}>${to}`, index: i, days: d, broken: false });
  });
  const total = daysBetween(ev.announced, ev.contract_signed);
  if (total !== undefined) items.push({ kind: 'total', name: 'total', index: 0, days: total, broken: false });
  const tendering = ['open', 'invited'].includes(project.procedure);
  const window = daysBetween(ev.docs_from ? ev.docs_from : ev.announced, ev.bid_deadline);
  if (window !== undefined && tendering) {
    items.push({ kind: 'rule', name: 'bid_window', index: 0, days: window, broken: window < 20 });
  }
  const publicity = daysBetween(ev.candidates_published, ev.candidates_until);
  if (publicity !== undefined && tendering) {
    items.push({ kind: 'rule', name: 'publicity', index: 1, days: publicity, broken: publicity < 3 });
  }
  const contract = daysBetween(ev.awarded, ev.contract_signed);
  if (contract !== undefined && tendering) {
    items.push({ kind: 'rule', name: 'contract', index: 2, days: contract, broken: contract > 30 });
  }
  return items;
}

function expectedProcess(data: Data, f: Filter) {
  const lots = lotFacts(data, f).map((x) => ({ project: x.project, items: itemsOf(x.project, x.lot) }));
  const figures = (items: Item[]) => ({
    lots: items.length,
    median_days: quantile(
      items.map((i) => i.days),
      0.5,
    ),
    p90_days: quantile(
      items.map((i) => i.days),
      0.9,
    ),
  });
  const describe = (group: typeof lots) => {
    const items = group.flatMap((l) => l.items);
    const stages = CHAIN.slice(1)
      .map((to, i) => ({ from: CHAIN[i], to, items: items.filter((it) => it.kind === 'stage' && it.index === i) }))
      .filter((s) => s.items.length > 0)
      .map((s) => ({ from: s.from, to: s.to, ...figures(s.items) }));
    const totals = items.filter((it) => it.kind === 'total');
    const breaches = Object.fromEntries(
      RULE_NAMES.map((rule) => {
        const checked = items.filter((it) => it.kind === 'rule' && it.name === rule);
        return [rule, { checked: checked.length, broken: checked.filter((it) => it.broken).length }];
      }),
    );
    return { stages, total: totals.length ? figures(totals) : null, breaches, items };
  };
  const withItems = lots.filter((l) => l.items.length > 0);
  const all = describe(withItems);
  const bySector = groupBy(withItems, (l) => l.project.sector ?? null).map(([sector, g]) => {
    const d = describe(g);
    return { sector, stages: d.stages, breaches: d.breaches };
  });
  const byRegion = groupBy(withItems, (l) => (l.project.region ? String(l.project.region).slice(0, 4) : null)).map(
    ([region, g]) => {
      const d = describe(g);
      return { region, stages: d.stages, breaches: d.breaches };
    },
  );
  const byAgent = groupBy(
    withItems.filter((l) => l.project.agent),
    (l) => l.project.agent,
  ).map(([id, g]) => {
    const d = describe(g);
    return {
      agent: { id, name: data.orgs.get(id as string)?.name ?? null },
      stages: d.stages,
      total: d.total,
      breaches: d.breaches,
    };
  });
  const longest = (stages: typeof all.stages) =>
    [...stages].sort((a, b) => b.median_days - a.median_days || b.p90_days - a.p90_days)[0] ?? null;
  const basis = ['《招标投标法》 Art. 24', '《招标投标法实施条例》 Art. 54', '《招标投标法》 Art. 46'];
  const limits = [{ min_days: 20 }, { min_days: 3 }, { max_days: 30 }];
  return {
    stages: all.stages,
    total: all.total ? { from: 'announced', to: 'contract_signed', ...all.total } : null,
    by_sector: bySector,
    by_region: byRegion,
    by_agent: byAgent,
    breaches: RULE_NAMES.map((rule, i) => {
      const checked = all.items.filter((it) => it.kind === 'rule' && it.name === rule);
      return {
        rule,
        basis: basis[i],
        ...limits[i],
        checked: checked.length,
        broken: checked.filter((it) => it.broken).length,
        median_days: checked.length
          ? quantile(
              checked.map((it) => it.days),
              0.5,
            )
          : null,
      };
    }),
    ranking: {
      stages: [...all.stages].sort(
        (a, b) =>
          b.median_days - a.median_days || b.p90_days - a.p90_days || CHAIN.indexOf(a.from) - CHAIN.indexOf(b.from),
      ),
      agents: byAgent
        .filter((a) => a.total !== null)
        .map((a) => ({ agent: a.agent, ...(a.total as NonNullable<typeof a.total>), longest_stage: longest(a.stages) }))
        .sort((a, b) => b.median_days - a.median_days || cmp(a.agent.id, b.agent.id)),
    },
  };
}

/** Deep comparison: numbers within a relative 1e-9 (money within a fen), everything else equal. */
function expectClose(actual: unknown, expected: unknown, where = 'body'): void {
  if (typeof expected === 'number') {
    const tolerance = /awarded_amount$/.test(where) ? 0.011 : 1e-9 * Math.max(1, Math.abs(expected));
    if (typeof actual !== 'number' || Math.abs(actual - expected) > tolerance) {
      throw new Error(`${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new Error(`${where}: expected ${expected.length} items, got ${JSON.stringify(actual)?.slice(0, 300)}`);
    }
    expected.forEach((e, i) => expectClose(actual[i], e, `${where}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') throw new Error(`${where}: expected an object, got ${actual}`);
    const a = actual as Rec;
    const keys = new Set([...Object.keys(expected), ...Object.keys(a)]);
    for (const k of keys) expectClose(a[k], (expected as Rec)[k], `${where}.${k}`);
    return;
  }
  if (actual !== expected)
    throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// ---- the API -----------------------------------------------------------------------------------

let api: TestApi;
let admin: string;
let regional: string;
const data = readData(SAMPLE);
const REGIONAL: Filter = { regions: ['4103'] };

beforeAll(async () => {
  api = await TestApi.start();
  const graph = api.server.deps.graph;
  await emptyGraph(graph);
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-stats-'));
  await loadPaths(graph, [SAMPLE], new IdHasher(Buffer.from('test-key')), { reportDir });
  admin = await api.key('admin');
  regional = await api.key('supervisor', { regions: ['4103'] });
});
afterAll(async () => {
  await api.close();
});

async function stats(which: string, key: string, query = ''): Promise<any> {
  const answer = await api.get(`/api/v1/stats/${which}${query}`, key);
  expect(answer.status).toBe(200);
  return answer.body;
}

test('the reference figures are not trivial on the sample', () => {
  const overview = expectedOverview(data, {});
  expect(overview.projects).toBe(263);
  expect(overview.single_bid_lots).toBeGreaterThan(0);
  expect(overview.retendered_projects).toBeGreaterThan(0);
  const process = expectedProcess(data, {});
  expect(process.breaches.every((b) => b.checked > 0)).toBe(true);
  expect(process.breaches.some((b) => b.broken > 0)).toBe(true);
  expect(expectedPrices(data, {}, 20).similar_lots.outliers.length).toBe(20);
  expect(expectedOverview(data, REGIONAL).projects).toBeGreaterThan(0);
  expect(expectedOverview(data, REGIONAL).projects).toBeLessThan(263);
});

test('overview: totals, single-bid lots, re-tendered projects, by sector, region and month', async () => {
  expectClose(await stats('overview', admin), expectedOverview(data, {}));
  expectClose(await stats('overview', regional), expectedOverview(data, REGIONAL));
  const filter = { from: '2024-01-01', to: '2024-12-31', sector: 'construction' };
  expectClose(
    await stats('overview', admin, '?from=2024-01-01&to=2024-12-31&sector=construction'),
    expectedOverview(data, filter),
  );
  expectClose(
    await stats('overview', regional, '?region=410302&from=2024-06-01'),
    expectedOverview(data, { ...REGIONAL, region: '410302', from: '2024-06-01' }),
  );
  // a region outside the key's jurisdiction narrows to nothing, it does not widen
  expect((await stats('overview', regional, '?region=4101')).projects).toBe(0);
});

test('prices: ratio quantiles by sector and region, bidders per lot, similar-lot outliers', async () => {
  const body = await stats('prices', admin);
  const { bands, ...similar } = body.similar_lots;
  expect(bands.map((b: { band: string }) => b.band)).toEqual(BAND_NAMES);
  expectClose({ ...body, similar_lots: similar }, expectedPrices(data, {}, 20));
  const few = await stats('prices', regional, '?limit=3&from=2024-01-01');
  delete few.similar_lots.bands;
  expectClose(few, expectedPrices(data, { ...REGIONAL, from: '2024-01-01' }, 3));
});

test('process: stage durations by sector, region and agent, legal limits broken, rankings', async () => {
  expectClose(await stats('process', admin), expectedProcess(data, {}));
  expectClose(await stats('process', regional), expectedProcess(data, REGIONAL));
  expectClose(
    await stats('process', admin, '?to=2024-06-30&region=4101'),
    expectedProcess(data, { to: '2024-06-30', region: '4101' }),
  );
});

test('bad filters are 400, a role outside READERS is 403', async () => {
  const swapped = await api.get('/api/v1/stats/overview?from=2025-01-01&to=2024-01-01', admin);
  expect(swapped.status).toBe(400);
  expect(swapped.body.detail).toContain('query.from');
  expect((await api.get('/api/v1/stats/prices?from=yesterday', admin)).status).toBe(400);
  expect((await api.get('/api/v1/stats/process', await api.key('operator'))).status).toBe(403);
});

test('overview: active flags per detector on the counted projects, as GET /flags lists them', async () => {
  await rescore(api.server.deps.graph, { full: true });
  const flags: Rec[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: Rec[]; next_cursor: string | null } } = await api.get(
      `/api/v1/flags?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      admin,
    );
    flags.push(...page.body.items);
    cursor = page.body.next_cursor;
  } while (cursor);
  const lotProject = new Map(data.lots.map((l) => [l.id as string, l.project as string]));
  const expected = (f: Filter) => {
    const kept = new Set(keptProjects(data, f).map((p) => p.id as string));
    const counted = flags.filter((x) => (x.lots as string[]).some((l) => kept.has(lotProject.get(l) ?? '')));
    return groupBy(counted, (x) => x.detector as string)
      .map(([detector, xs]) => ({
        detector: String(detector),
        flags: xs.length,
        high: xs.filter((x) => x.severity === 'high').length,
      }))
      .sort((a, b) => b.flags - a.flags || (a.detector < b.detector ? -1 : 1));
  };
  const all = (await stats('overview', admin)).flags_by_detector;
  expect(all.length).toBeGreaterThan(5);
  expect(all).toEqual(expected({}));
  const filter = { from: '2024-01-01', sector: 'construction' };
  expect((await stats('overview', admin, '?from=2024-01-01&sector=construction')).flags_by_detector).toEqual(
    expected(filter),
  );
});

test('data loaded outside a regional jurisdiction leaves its figures unchanged', async () => {
  const before = await Promise.all(['overview', 'prices', 'process'].map((w) => stats(w, regional)));
  const adminBefore = await stats('overview', admin);
  // an out-of-scope project (Zhengzhou, 4101) run by an agent that also works in 4103, with a
  // single bid, a failed lot and extreme timings: it would move every regional figure
  const agent = data.projects.find((p) => String(p.region).startsWith('4103') && p.agent)?.agent as string;
  const bidder = data.bids[0].bidder as string;
  const tenderer = data.projects[0].tenderer as string;
  const extra = [
    {
      type: 'project',
      id: 'PRJ-OUT-1',
      name: 'out of scope',
      tenderer,
      agent,
      region: '410102',
      sector: 'construction',
      procedure: 'open',
      events: { announced: '2024-03-01', docs_from: '2024-03-01', bid_deadline: '2024-03-05' },
    },
    {
      type: 'lot',
      id: 'LOT-OUT-1',
      project: 'PRJ-OUT-1',
      ceiling_price: 1000,
      events: { opened: '2024-03-05', evaluated: '2024-09-01', awarded: '2024-09-02', contract_signed: '2025-09-01' },
    },
    { type: 'bid', id: 'BID-OUT-1', lot: 'LOT-OUT-1', bidder, price: 5, won: true, status: 'valid', rank: 1 },
    {
      type: 'lot',
      id: 'LOT-OUT-2',
      project: 'PRJ-OUT-1',
      ceiling_price: 1000,
      events: { opened: '2024-03-05', evaluated: '2024-03-06' },
    },
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-stats-extra-'));
  const file = path.join(dir, 'extra.ndjson');
  fs.writeFileSync(file, extra.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await loadPaths(api.server.deps.graph, [file], new IdHasher(Buffer.from('test-key')), { reportDir: dir });
  const after = await Promise.all(['overview', 'prices', 'process'].map((w) => stats(w, regional)));
  expect(after).toEqual(before);
  const adminAfter = await stats('overview', admin);
  expect(adminAfter.projects).toBe(adminBefore.projects + 1);
  expect(adminAfter.retendered_projects).toBe(adminBefore.retendered_projects + 1);
  expect(adminAfter.single_bid_lots).toBe(adminBefore.single_bid_lots + 1);
});
