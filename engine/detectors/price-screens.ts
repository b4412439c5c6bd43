/**
 * Collusive-looking bid distributions: per lot, the screens of Imhof (2017), Huber & Imhof (2019)
 * and Wallimann, Imhof & Huber (2023) — CV, spread, DIFFP, RD, skewness, kurtosis, KS against
 * uniform — each placed in its market (sector × city, `context.marketOf`) as an empirical
 * percentile on its collusive side (low CV, high RD, …). A rating is the mean of those percentiles:
 * 0.5 is a typical lot, 1 the most collusive-looking lot of the market on every screen. The screens
 * move with the number of bids (spread grows, DIFFP and KS shrink), so a lot is compared with the
 * market's lots with as many bids, else such lots of all markets, else its whole market, else all.
 *
 * Incomplete cartels hide behind honest outsiders, so lots of `minSubgroupBids` to
 * `maxSubgroupBids` bids also get summary screens after Wallimann et al.: a screen's most collusive
 * value over every subgroup of 3 and 4 bids (lowest CV, highest kurtosis, …). The best of many
 * subgroups always looks collusive, so a summary screen is compared with the same summary screen of
 * lots with as many bids (of the market, else of all markets), and the subgroup rating needs the
 * stricter `minSubgroupScore`, and only counts when the lot's own rating is not below typical
 * (`minLotScoreForSubgroups`): on 3,000 generated lots, subgroups alone flagged honest lots four
 * times as often as planted cartels.
 * The flag's score is the higher rating that passed. References are read over every lot of the
 * projection; each fallback is taken when a reference has fewer than `minMarketLots` lots, and
 * none that small is used.
 */
import { Context, Detector } from '../context';
import { Evidence, Flag, makeFlag } from '../flag';
import { Lot } from '../model';
import { combinations } from '../stats/combinations';
import { percentile } from '../stats/describe';
import { lotPrices, PricedBid } from '../stats/lot-prices';
import { COLLUSIVE_TAIL, SCREEN_NAMES, ScreenName, Screens, screens } from '../stats/screens';

const BASIS = 'Imhof 2017; Huber & Imhof 2019; Wallimann, Imhof & Huber 2023';
const ALL = 'all markets';

export interface Settings {
  /** Lots whose own screens sit at or above this mean collusive-side percentile are flagged [0.9]. */
  minScore: number;
  /** Lots whose subgroup summary screens sit at or above this are flagged [0.97]… */
  minSubgroupScore: number;
  /** …when their own screens sit at least this high: alone, subgroups flag honest lots more than cartels [0.6]. */
  minLotScoreForSubgroups: number;
  /** Lots a reference (a market's lots with as many bids, …) needs to be used [30]. */
  minMarketLots: number;
  /** Smallest lot that gets subgroup summary screens [5]. */
  minSubgroupBids: number;
  /** Largest lot that gets them: C(12, 3) + C(12, 4) = 715 subgroups [12]. */
  maxSubgroupBids: number;
  /** Sizes of the subgroups [3, 4]. */
  subgroupSizes: number[];
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  minScore: 0.9,
  minSubgroupScore: 0.97,
  minLotScoreForSubgroups: 0.6,
  minMarketLots: 30,
  minSubgroupBids: 5,
  maxSubgroupBids: 12,
  subgroupSizes: [3, 4],
};

/**
 * Screens summarised over subgroups. DIFFP and RD are left out: their most collusive value over
 * subgroups is an artefact (the largest DIFFP of any subgroup is the lot's spread; the largest RD
 * comes from any two near-equal bids above a third).
 */
const SUBGROUP_SCREENS: readonly ScreenName[] = ['cv', 'spread', 'skewness', 'kurtosis', 'ks'];

/** A lot's screens, or its summary screens with the subgroup behind each. */
interface Group {
  bids: PricedBid[];
  screens: Screens;
  subgroups?: Partial<Record<ScreenName, PricedBid[]>>;
}

interface Screened {
  lot: Lot;
  market: string;
  whole: Group;
  summary?: Group;
}

/** Sorted screen values of a set of lots, under one key. */
interface Reference {
  key: string;
  lots: number;
  values: Record<ScreenName, number[]>;
}

/** A group's screens placed in a reference. */
interface Rating {
  scope: 'lot' | 'subgroups';
  score: number;
  reference: Reference;
  rows: { screen: ScreenName; value: number; percentile: number; collusive: number; bids?: string[] }[];
}

/** One flag per in-scope lot whose whole-lot or subgroup rating reaches its threshold (identity: lot). */
export const detect: Detector<Settings> = (context, settings) => {
  const screened = screenLots(context, settings);
  const wholeRefs = references(screened.map((s) => ({ keys: wholeKeys(s), group: s.whole })));
  const summaryRefs = references(
    screened.flatMap((s) => (s.summary ? [{ keys: sizedKeys(s), group: s.summary }] : [])),
  );
  const flags: Flag[] = [];
  for (const s of screened) {
    if (!context.inScope(s.lot.id)) continue;
    const wholeRef = pick(wholeRefs, wholeKeys(s), settings.minMarketLots);
    const summaryRef = pick(summaryRefs, sizedKeys(s), settings.minMarketLots);
    const ratings = [
      wholeRef && rate('lot', s.whole, wholeRef),
      s.summary && summaryRef && rate('subgroups', s.summary, summaryRef),
    ].filter((r): r is Rating => r !== undefined);
    const lotScore = ratings.find((r) => r.scope === 'lot')?.score ?? 0;
    const passed = ratings.filter((r) =>
      r.scope === 'lot'
        ? r.score >= settings.minScore
        : r.score >= settings.minSubgroupScore && lotScore >= settings.minLotScoreForSubgroups,
    );
    if (passed.length > 0) flags.push(screenFlag(s, ratings, passed));
  }
  return flags.sort((x, y) => x.id.localeCompare(y.id));
};

/** Lots of the market with as many bids, of any market with as many bids. */
function sizedKeys(s: Screened): string[] {
  const n = s.whole.bids.length;
  return [`${s.market}, ${n} bids`, `${ALL}, ${n} bids`];
}

/** Lots with as many bids first (spread grows and DIFFP shrinks with the bidders), then any size. */
function wholeKeys(s: Screened): string[] {
  return [...sizedKeys(s), s.market, ALL];
}

/** Every lot of the projection with at least three priced bids (one per bidder), with its screens. */
function screenLots(context: Context, settings: Settings): Screened[] {
  return context
    .lots()
    .map((lot) => ({ lot, bids: lotPrices(context, lot.id) }))
    .filter(({ bids }) => bids.length >= 3)
    .map(({ lot, bids }) => ({
      lot,
      market: context.marketOf(lot.id),
      whole: { bids, screens: screens(bids.map((b) => b.price)) },
      summary:
        bids.length >= settings.minSubgroupBids && bids.length <= settings.maxSubgroupBids
          ? summary(bids, settings.subgroupSizes)
          : undefined,
    }));
}

/** Each screen's most collusive value over every subgroup of the given sizes, and that subgroup (first on ties). */
function summary(bids: PricedBid[], sizes: number[]): Group {
  const best: Screens = {};
  const subgroups: Partial<Record<ScreenName, PricedBid[]>> = {};
  for (const size of sizes) {
    for (const indices of combinations(bids.length, size)) {
      const subgroup = indices.map((i) => bids[i]);
      const values = screens(subgroup.map((b) => b.price));
      for (const name of SUBGROUP_SCREENS) {
        const value = values[name];
        const kept = best[name];
        if (value === undefined) continue;
        if (kept === undefined || (COLLUSIVE_TAIL[name] === 'high' ? value > kept : value < kept)) {
          best[name] = value;
          subgroups[name] = subgroup;
        }
      }
    }
  }
  return { bids, screens: best, subgroups };
}

/** References under every key, from groups that each belong to several keys. */
function references(items: { keys: string[]; group: Group }[]): Map<string, Reference> {
  const refs = new Map<string, Reference>();
  for (const { keys, group } of items) {
    for (const key of keys) {
      let ref = refs.get(key);
      if (!ref) refs.set(key, (ref = { key, lots: 0, values: emptyValues() }));
      ref.lots += 1;
      for (const name of SCREEN_NAMES) {
        const value = group.screens[name];
        if (value !== undefined) ref.values[name].push(value);
      }
    }
  }
  for (const ref of refs.values()) for (const name of SCREEN_NAMES) ref.values[name].sort((a, b) => a - b);
  return refs;
}

function emptyValues(): Record<ScreenName, number[]> {
  return { cv: [], spread: [], diffp: [], rd: [], skewness: [], kurtosis: [], ks: [] };
}

/** The first reference among `keys` with at least `min` lots. */
function pick(refs: Map<string, Reference>, keys: string[], min: number): Reference | undefined {
  return keys.map((key) => refs.get(key)).find((ref) => ref !== undefined && ref.lots >= min);
}

/** Mean collusive-side percentile of the screens the reference knows. */
function rate(scope: Rating['scope'], group: Group, reference: Reference): Rating | undefined {
  const rows: Rating['rows'] = [];
  for (const screen of SCREEN_NAMES) {
    const value = group.screens[screen];
    if (value === undefined || reference.values[screen].length === 0) continue;
    const p = percentile(reference.values[screen], value);
    const bids = group.subgroups?.[screen]?.map((b) => b.bid);
    rows.push({ screen, value, percentile: p, collusive: COLLUSIVE_TAIL[screen] === 'high' ? p : 1 - p, bids });
  }
  if (rows.length === 0) return undefined;
  return { scope, score: rows.reduce((sum, r) => sum + r.collusive, 0) / rows.length, reference, rows };
}

/**
 * The bids a subgroup rating points at: those in at least half of the subgroups behind its
 * summary screens (the recurring core), or all when no bid recurs that often.
 */
function core(s: Screened, rating: Rating): PricedBid[] {
  const counts = new Map<string, number>();
  for (const row of rating.rows) for (const bid of row.bids ?? []) counts.set(bid, (counts.get(bid) ?? 0) + 1);
  const recurring = s.whole.bids.filter((b) => (counts.get(b.bid) ?? 0) * 2 >= rating.rows.length);
  return recurring.length >= 2 ? recurring : s.whole.bids;
}

function screenFlag(s: Screened, ratings: Rating[], passed: Rating[]): Flag {
  const top = passed.reduce((best, r) => (r.score > best.score ? r : best));
  const score = top.score;
  const shown = top.scope === 'lot' ? s.whole.bids : core(s, top);
  const n = s.whole.bids.length;
  const where =
    top.scope === 'lot'
      ? `its ${n} bids`
      : `subgroups of its ${n} bids (core ${shown.map((b) => b.bidder).join(', ')})`;
  return makeFlag('price-screens', [s.lot.id], {
    score,
    lot: s.lot.id,
    project: s.lot.project,
    entities: shown.map((b) => b.bidder).sort(),
    bids: shown.map((b) => b.bid).sort(),
    basis: BASIS,
    summary:
      `Collusive-looking bid distribution found in lot ${s.lot.id}: the screens of ${where} sit on average ` +
      `at collusive-side percentile ${score.toFixed(2)} of ${top.reference.key}`,
    evidence: ratings.flatMap((r) => rows(s, r)),
  });
}

function rows(s: Screened, rating: Rating): Evidence[] {
  const { key, lots } = rating.reference;
  const against = rating.scope === 'lot' ? `${lots} lots of ${key}` : `the subgroup screens of ${lots} lots of ${key}`;
  const owner = new Map(s.whole.bids.map((b) => [b.bid, b.bidder]));
  return [
    {
      kind: 'screen-score',
      text: `${rating.scope === 'lot' ? 'Lot screens' : 'Subgroup screens'}: mean collusive-side percentile ${rating.score.toFixed(2)} against ${against}`,
      data: { scope: rating.scope, score: rating.score, reference: key, referenceLots: lots, bids: s.whole.bids },
    },
    ...rating.rows.map((r) => ({
      kind: 'screen',
      text:
        `${rating.scope === 'lot' ? 'lot' : 'most collusive subgroup'} ${r.screen} = ${r.value.toPrecision(4)}` +
        `${r.bids ? ` (${r.bids.map((b) => owner.get(b)).join(', ')})` : ''}: percentile ${r.percentile.toFixed(2)} ` +
        `of ${key}, collusive tail ${COLLUSIVE_TAIL[r.screen]}`,
      data: { scope: rating.scope, ...r, tail: COLLUSIVE_TAIL[r.screen], reference: key, referenceLots: lots },
    })),
  ];
}
