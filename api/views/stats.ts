/**
 * The statistics answers (GET /stats/overview, /stats/prices, /stats/process) shaped from the rows
 * of cypher/stats/*.cypher: the queries aggregate, these functions only add up disjoint groups,
 * nest and rank. Definitions (winning bid, failed lot, bands, rules) are in the .cypher headers.
 */
import { z } from 'zod';
import type { Row } from '../../cypher/runner';
import { DEFAULTS as TIMING } from '../../engine/detectors/process-timing';

/** Ceiling-price bands of the "similar lots" comparison (yuan; roughly ×4–5 apart, log scale). */
export const BANDS = [
  { band: '<1M', below: 1_000_000 },
  { band: '1-5M', below: 5_000_000 },
  { band: '5-20M', below: 20_000_000 },
  { band: '>=20M', below: null },
];

/** Fewest priced lots a similar-lots group needs before its outliers are listed. */
export const PRICES_MIN_GROUP = 5;

/** The procedure's stages, in order (issue 6): consecutive pairs of these nodes. */
export const STAGE_NODES = [
  'announced',
  'bid_deadline',
  'opened',
  'evaluated',
  'candidates_published',
  'awarded',
  'contract_signed',
] as const;
export const STAGES = STAGE_NODES.slice(1).map((to, i) => ({ from: STAGE_NODES[i], to }));
/** The whole procedure, for an agent's wait. */
export const TOTAL = { from: 'announced', to: 'contract_signed' };

/** The legal rules counted, with the engine's process-timing defaults. */
export const RULES = [
  { rule: 'bid_window', basis: '《招标投标法》 Art. 24', min: TIMING.minBidWindowDays, max: null },
  { rule: 'publicity', basis: '《招标投标法实施条例》 Art. 54', min: TIMING.minPublicityDays, max: null },
  { rule: 'contract', basis: '《招标投标法》 Art. 46', min: null, max: TIMING.maxContractDays },
] as const;

/** Parameters of cypher/stats/process.cypher besides the filters. */
export const PROCESS_PARAMS = {
  stages: STAGES,
  total: TOTAL,
  minBidWindowDays: TIMING.minBidWindowDays,
  bidWindowProcedures: TIMING.bidWindowProcedures,
  bidWindowCategories: TIMING.bidWindowCategories,
  minPublicityDays: TIMING.minPublicityDays,
  publicityProcedures: TIMING.publicityProcedures,
  maxContractDays: TIMING.maxContractDays,
  contractProcedures: TIMING.contractProcedures,
};

const COUNTS = ['projects', 'lots', 'bids', 'awarded_amount', 'single_bid_lots', 'failed_lots', 'retendered_projects'];
type Counts = Record<string, number>;

/** Money to the fen (cent), so that sums do not show float noise. */
const money = (x: number): number => Math.round(x * 100) / 100;

function addTo(target: Counts, row: Row): void {
  for (const k of COUNTS) target[k] = (target[k] ?? 0) + Number(row[k] ?? 0);
}

/** Cypher's order of strings (code points), nulls last. */
function byCodePoint(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function grouped(rows: Row[], field: 'sector' | 'region' | 'month'): Record<string, unknown>[] {
  const groups = new Map<string | null, Counts>();
  for (const row of rows) {
    const key = (row[field] as string | null) ?? null;
    const counts = groups.get(key) ?? {};
    addTo(counts, row);
    groups.set(key, counts);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([key, counts]) => ({ [field]: key, ...counts, awarded_amount: money(counts.awarded_amount) }));
}

/**
 * Totals and breakdowns from the sector × region × month rows of overview.cypher.
 * @example overviewOf([{ sector: 'water', region: '4101', month: '2024-03', projects: 1, lots: 2, bids: 7, awarded_amount: 9.5, single_bid_lots: 0, failed_lots: 0, retendered_projects: 0 }]).projects // 1
 */
export function overviewOf(rows: Row[], flagRows: Row[]): Record<string, unknown> {
  const total: Counts = Object.fromEntries(COUNTS.map((k) => [k, 0]));
  for (const row of rows) addTo(total, row);
  return {
    ...total,
    awarded_amount: money(total.awarded_amount),
    by_sector: grouped(rows, 'sector'),
    by_region: grouped(rows, 'region'),
    by_month: grouped(rows, 'month'),
    flags_by_detector: flagRows.map((r) => ({
      detector: String(r.detector),
      flags: Number(r.flags),
      high: Number(r.high),
    })),
  };
}

/** The one row of prices.cypher, as the API answers it. */
export function pricesOf(row: Row | undefined, limit: number): Record<string, unknown> {
  return {
    lots: row?.lots ?? 0,
    priced_lots: row?.priced ?? 0,
    ratio: row?.overall ?? null,
    by_sector: row?.by_sector ?? [],
    by_region: row?.by_region ?? [],
    bidders_per_lot: { histogram: row?.bidders ?? [], quantiles: row?.bidders_quantiles ?? null },
    similar_lots: {
      bands: BANDS,
      groups: row?.groups ?? [],
      outliers: row?.outliers ?? [],
      outliers_limit: limit,
    },
  };
}

interface StageFigure {
  from: string;
  to: string;
  lots: number;
  median_days: number;
  p90_days: number;
}

interface GroupFigures {
  key: string | null;
  name: string | null;
  stages: StageFigure[];
  total: Omit<StageFigure, 'from' | 'to'> | null;
  breaches: Record<string, { checked: number; broken: number }>;
}

function emptyGroup(key: string | null, name: string | null): GroupFigures {
  return {
    key,
    name,
    stages: [],
    total: null,
    breaches: Object.fromEntries(RULES.map((r) => [r.rule, { checked: 0, broken: 0 }])),
  };
}

const figure = (row: Row) => ({
  lots: Number(row.lots),
  median_days: Number(row.median_days),
  p90_days: Number(row.p90_days),
});

/** The longest stage of a group by median (ties: higher p90, then the earlier stage). */
function longest(stages: StageFigure[]): StageFigure | null {
  return [...stages].sort((a, b) => b.median_days - a.median_days || b.p90_days - a.p90_days)[0] ?? null;
}

/**
 * Nested, ranked process figures from the rows of process.cypher.
 * @example processOf([]).stages // []
 */
export function processOf(rows: Row[]): Record<string, unknown> {
  const dims = new Map<string, Map<string | null, GroupFigures>>();
  for (const dim of ['all', 'sector', 'region', 'agent']) dims.set(dim, new Map());
  for (const row of rows) {
    const groups = dims.get(String(row.dimension));
    if (!groups) continue;
    const key = (row.key as string | null) ?? null;
    const group = groups.get(key) ?? emptyGroup(key, (row.name as string | null) ?? null);
    groups.set(key, group);
    if (row.kind === 'stage') group.stages.push({ ...STAGES[Number(row.index)], ...figure(row) });
    else if (row.kind === 'total') group.total = figure(row);
    else group.breaches[String(row.item)] = { checked: Number(row.lots), broken: Number(row.broken) };
  }
  const list = (dim: string) => [...(dims.get(dim)?.values() ?? [])];
  for (const groups of dims.values()) {
    for (const g of groups.values()) g.stages.sort((a, b) => stageIndex(a) - stageIndex(b));
  }
  const all = list('all')[0] ?? emptyGroup(null, null);
  const breachRows = new Map(rows.filter((r) => r.dimension === 'all' && r.kind === 'rule').map((r) => [r.item, r]));
  const agents = list('agent');
  return {
    stages: all.stages,
    total: all.total ? { ...TOTAL, ...all.total } : null,
    by_sector: list('sector').map((g) => ({ sector: g.key, stages: g.stages, breaches: g.breaches })),
    by_region: list('region').map((g) => ({ region: g.key, stages: g.stages, breaches: g.breaches })),
    by_agent: agents.map((g) => ({
      agent: { id: g.key, name: g.name },
      stages: g.stages,
      total: g.total,
      breaches: g.breaches,
    })),
    breaches: RULES.map((r) => {
      const row = breachRows.get(r.rule);
      return {
        rule: r.rule,
        basis: r.basis,
        ...(r.min !== null ? { min_days: r.min } : { max_days: r.max }),
        checked: row ? Number(row.lots) : 0,
        broken: row ? Number(row.broken) : 0,
        median_days: row ? Number(row.median_days) : null,
      };
    }),
    ranking: {
      stages: [...all.stages].sort(
        (a, b) => b.median_days - a.median_days || b.p90_days - a.p90_days || stageIndex(a) - stageIndex(b),
      ),
      agents: agents
        .filter((g) => g.total !== null)
        .map((g) => ({
          agent: { id: g.key, name: g.name },
          ...(g.total as NonNullable<GroupFigures['total']>),
          longest_stage: longest(g.stages),
        }))
        .sort((a, b) => b.median_days - a.median_days || String(a.agent.id).localeCompare(String(b.agent.id))),
    },
  };
}

function stageIndex(stage: { from: string }): number {
  return STAGE_NODES.indexOf(stage.from as (typeof STAGE_NODES)[number]);
}

const Quantiles = z.object({
  lots: z.number(),
  p10: z.number().nullable(),
  p25: z.number().nullable(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
});
const CountsSchema = {
  projects: z.number(),
  lots: z.number(),
  bids: z.number(),
  awarded_amount: z.number().describe('sum of the winning bids’ prices'),
  single_bid_lots: z.number(),
  failed_lots: z.number().describe('evaluated lots with no winning bid (流标)'),
  retendered_projects: z.number().describe('projects with at least one failed lot'),
};
const Stage = z.object({
  from: z.string(),
  to: z.string(),
  lots: z.number(),
  median_days: z.number(),
  p90_days: z.number(),
});
const Breaches = z.record(z.string(), z.object({ checked: z.number(), broken: z.number() }));

export const OverviewSchema = z.object({
  ...CountsSchema,
  by_sector: z.array(z.object({ sector: z.string().nullable(), ...CountsSchema })),
  by_region: z.array(z.object({ region: z.string().nullable(), ...CountsSchema })),
  by_month: z.array(z.object({ month: z.string().nullable(), ...CountsSchema })),
  flags_by_detector: z
    .array(z.object({ detector: z.string(), flags: z.number(), high: z.number() }))
    .describe('active flags resting on lots of the counted projects, per detector (high: of high severity)'),
});

export const PricesSchema = z.object({
  lots: z.number(),
  priced_lots: z.number().describe('lots with one winning bid and a ceiling price'),
  ratio: Quantiles.nullable().describe('winning price ÷ ceiling price'),
  by_sector: z.array(Quantiles.extend({ sector: z.string().nullable() })),
  by_region: z.array(Quantiles.extend({ region: z.string().nullable() })),
  bidders_per_lot: z.object({
    histogram: z.array(z.object({ bidders: z.number(), lots: z.number() })),
    quantiles: Quantiles.extend({ mean: z.number().nullable() }).nullable(),
  }),
  similar_lots: z.object({
    bands: z.array(z.object({ band: z.string(), below: z.number().nullable() })),
    groups: z.array(
      z.object({
        sector: z.string().nullable(),
        band: z.string(),
        lots: z.number(),
        p10: z.number(),
        median: z.number(),
        p90: z.number(),
        outliers: z.number(),
      }),
    ),
    outliers: z.array(
      z.object({
        lot: z.string(),
        project: z.string(),
        sector: z.string().nullable(),
        band: z.string(),
        ceiling: z.number(),
        price: z.number(),
        ratio: z.number(),
        group_median: z.number(),
        group_p10: z.number(),
        group_p90: z.number(),
      }),
    ),
    outliers_limit: z.number(),
  }),
});

export const ProcessSchema = z.object({
  stages: z.array(Stage),
  total: Stage.nullable(),
  by_sector: z.array(z.object({ sector: z.string().nullable(), stages: z.array(Stage), breaches: Breaches })),
  by_region: z.array(z.object({ region: z.string().nullable(), stages: z.array(Stage), breaches: Breaches })),
  by_agent: z.array(
    z.object({
      agent: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
      stages: z.array(Stage),
      total: Stage.omit({ from: true, to: true }).nullable(),
      breaches: Breaches,
    }),
  ),
  breaches: z.array(
    z.object({
      rule: z.string(),
      basis: z.string(),
      min_days: z.number().optional(),
      max_days: z.number().optional(),
      checked: z.number(),
      broken: z.number(),
      median_days: z.number().nullable(),
    }),
  ),
  ranking: z.object({
    stages: z.array(Stage),
    agents: z.array(
      z.object({
        agent: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
        lots: z.number(),
        median_days: z.number(),
        p90_days: z.number(),
        longest_stage: Stage.nullable(),
      }),
    ),
  }),
});
