/**
 * Collusive-looking bid distributions: per lot, the screens of Imhof (2017), Huber & Imhof (2019)
 * and Wallimann, Imhof & Huber (2023) — CV, spread, DIFFP, RD, skewness, kurtosis, KS against
 * uniform — each placed in its market (sector × city, `context.marketOf`) as an empirical
 * percentile on its collusive side (low CV, high RD, …). A rating is the mean of those percentiles:
 * 0.5 is a typical lot, 1 the most collusive-looking lot of the market on every screen. A screen a
 * group cannot define (kurtosis of three bids, RD when the losing bids do not vary) is left out of
 * its mean. The screens move with the number of bids (spread grows, DIFFP and KS shrink), so a
 * group of k bids is compared with the market's lots of k bids, else such lots of all markets, else
 * its whole market, else all.
 *
 * Incomplete cartels hide behind honest outsiders, so lots of `minSubgroupBids` to
 * `maxSubgroupBids` bids are also searched for a cover group after Wallimann et al.: a cartel that
 * lets its designated winner win places it lowest, so the lot itself and every group of the lowest
 * bid and 2 to `maxGroupSize` − 1 other bids is rated like a lot of its size, and the best rated
 * group is the lot's candidate cartel. The best of many groups always looks collusive, so
 * that best rating is placed as a percentile among the best ratings of the lots with as many bids
 * (of the market, else of all markets): the subgroup score. It must reach the stricter
 * `minSubgroupScore` and only counts when the lot's own rating is clearly above typical
 * (`minLotScoreForSubgroups`): alone, cover groups flag honest lots far more often than cartels.
 * Measured on the generator's rings (bench/detect.ts, seeds 1–3, 300 and 1,500 lots), Fisher
 * combinations of the screens' tails (CV and RD, CV, RD and skewness, or all seven) ranked cartels
 * below honest lots more often than this mean, so the mean stays.
 *
 * The flag's score is the higher of the two scores that passed; its entities are the lot's bidders for a
 * whole-lot rating and the cover group's bidders for a subgroup rating. References are read over
 * every lot of the projection; each fallback is taken when a reference has fewer than
 * `minMarketLots` lots, and none that small is used.
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
  /**
   * Lots whose best cover group sits at or above this percentile of the same among lots of their size are
   * flagged [0.99]; the top of n lots sits at 1 − 1 / 2n, so this needs 50 lots of that size…
   */
  minSubgroupScore: number;
  /** …when their own screens sit at least this high: alone, cover groups flag honest lots more than cartels [0.7]. */
  minLotScoreForSubgroups: number;
  /** Lots a reference (a market's lots with as many bids, …) needs to be used [30]. */
  minMarketLots: number;
  /** Smallest lot searched for a cover group (at three bids, the only group is the lot) [3]. */
  minSubgroupBids: number;
  /** Largest lot searched: C(11, 2) + C(11, 3) + C(11, 4) = 550 groups at 12 bids [12]. */
  maxSubgroupBids: number;
  /** Largest cover group, the lowest bid included; larger groups multiply the combinations to rate [5]. */
  maxGroupSize: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  minScore: 0.9,
  minSubgroupScore: 0.99,
  minLotScoreForSubgroups: 0.7,
  minMarketLots: 30,
  minSubgroupBids: 3,
  maxSubgroupBids: 12,
  maxGroupSize: 5,
};

/** Sorted screen values of a set of lots, under one key. */
interface Reference {
  key: string;
  lots: number;
  values: Record<ScreenName, number[]>;
}

/** A group's screens placed in a reference. */
interface Rating {
  score: number;
  reference: Reference;
  rows: { screen: ScreenName; value: number; percentile: number; collusive: number }[];
}

/** A lot's best rated cover group, and that rating's percentile among lots with as many bids. */
interface CoverGroup {
  bids: PricedBid[];
  rating: Rating;
  score?: number;
  against?: { key: string; lots: number };
}

interface Screened {
  lot: Lot;
  market: string;
  bids: PricedBid[];
  screens: Screens;
  rating?: Rating;
  group?: CoverGroup;
}

/** One flag per in-scope lot whose whole-lot or cover-group score reaches its threshold (identity: lot). */
export const detect: Detector<Settings> = (context, settings) => {
  const screened = screenLots(context);
  const refs = references(screened);
  const refFor = (market: string, size: number) => pick(refs, keys(market, size), settings.minMarketLots);
  for (const s of screened) {
    const reference = refFor(s.market, s.bids.length);
    s.rating = reference && rate(s.screens, reference);
    const n = s.bids.length;
    if (n >= settings.minSubgroupBids && n <= settings.maxSubgroupBids) s.group = coverGroup(s, settings, refFor);
  }
  scoreGroups(screened, settings.minMarketLots);
  const flags: Flag[] = [];
  for (const s of screened) {
    if (!context.inScope(s.lot.id)) continue;
    const lotScore = s.rating?.score ?? 0;
    const lotPassed = lotScore >= settings.minScore;
    const groupPassed =
      s.group?.score !== undefined &&
      s.group.score >= settings.minSubgroupScore &&
      lotScore >= settings.minLotScoreForSubgroups;
    if (lotPassed || groupPassed) flags.push(screenFlag(s, groupPassed && (!lotPassed || s.group!.score! > lotScore)));
  }
  return flags.sort((x, y) => x.id.localeCompare(y.id));
};

/** Lots of the market with as many bids, of any market with as many bids, of the market, of all. */
function keys(market: string, size: number): string[] {
  return [`${market}, ${size} bids`, `${ALL}, ${size} bids`, market, ALL];
}

/** Every lot of the projection with at least three priced bids (one per bidder), with its screens. */
function screenLots(context: Context): Screened[] {
  return context
    .lots()
    .map((lot) => ({ lot, bids: lotPrices(context, lot.id) }))
    .filter(({ bids }) => bids.length >= 3)
    .map(({ lot, bids }) => ({
      lot,
      market: context.marketOf(lot.id),
      bids,
      screens: screens(bids.map((b) => b.price)),
    }));
}

/**
 * The best rated group among the whole lot and the groups of its lowest bid (`bids` are ascending)
 * and 2 to `maxGroupSize` − 1 other bids, each rated against whole lots of its size; first on ties.
 */
function coverGroup(
  s: Screened,
  settings: Settings,
  refFor: (market: string, size: number) => Reference | undefined,
): CoverGroup | undefined {
  const [lowest, ...others] = s.bids;
  let best: CoverGroup | undefined = s.rating && { bids: s.bids, rating: s.rating };
  for (let size = 3; size <= Math.min(settings.maxGroupSize, s.bids.length - 1); size += 1) {
    const reference = refFor(s.market, size);
    if (!reference) continue;
    for (const indices of combinations(others.length, size - 1)) {
      const bids = [lowest, ...indices.map((i) => others[i])];
      const rating = rate(screens(bids.map((b) => b.price)), reference);
      if (rating && (!best || rating.score > best.rating.score)) best = { bids, rating };
    }
  }
  return best;
}

/** Places each lot's best group rating among the best group ratings of the lots with as many bids. */
function scoreGroups(screened: Screened[], min: number): void {
  const byKey = new Map<string, number[]>();
  const groupKeys = (s: Screened) => keys(s.market, s.bids.length).slice(0, 2);
  for (const s of screened) {
    if (!s.group) continue;
    for (const key of groupKeys(s)) {
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(s.group.rating.score);
    }
  }
  for (const list of byKey.values()) list.sort((a, b) => a - b);
  for (const s of screened) {
    if (!s.group) continue;
    const key = groupKeys(s).find((k) => (byKey.get(k)?.length ?? 0) >= min);
    if (key === undefined) continue;
    const list = byKey.get(key)!;
    s.group.score = percentile(list, s.group.rating.score);
    s.group.against = { key, lots: list.length };
  }
}

/** References under every key, from the whole-lot screens of every lot. */
function references(screened: Screened[]): Map<string, Reference> {
  const refs = new Map<string, Reference>();
  for (const s of screened) {
    for (const key of keys(s.market, s.bids.length)) {
      let ref = refs.get(key);
      if (!ref) refs.set(key, (ref = { key, lots: 0, values: emptyValues() }));
      ref.lots += 1;
      for (const name of SCREEN_NAMES) {
        const value = s.screens[name];
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

/** Mean collusive-side percentile of the screens the group defines and the reference knows. */
function rate(values: Screens, reference: Reference): Rating | undefined {
  const rows: Rating['rows'] = [];
  for (const screen of SCREEN_NAMES) {
    const value = values[screen];
    if (value === undefined || reference.values[screen].length === 0) continue;
    const p = percentile(reference.values[screen], value);
    rows.push({ screen, value, percentile: p, collusive: COLLUSIVE_TAIL[screen] === 'high' ? p : 1 - p });
  }
  if (rows.length === 0) return undefined;
  return { score: rows.reduce((sum, r) => sum + r.collusive, 0) / rows.length, reference, rows };
}

function screenFlag(s: Screened, byGroup: boolean): Flag {
  const group = s.group;
  const shown = byGroup && group ? group.bids : s.bids;
  const score = byGroup && group ? group.score! : s.rating!.score;
  const n = s.bids.length;
  const summary =
    byGroup && group
      ? `${shown.length === n ? `its ${n} bids, its best group,` : `the best group of its lowest bid and ${shown.length - 1} of its other ${n - 1} bids`} ` +
        `(${shown.map((b) => b.bidder).join(', ')}) rates ${group.rating.score.toFixed(2)} against ` +
        `${group.rating.reference.key}, above ${score.toFixed(2)} of the best groups of ${group.against!.key}`
      : `the screens of its ${n} bids sit on average at collusive-side percentile ${score.toFixed(2)} of ` +
        `${s.rating!.reference.key}`;
  return makeFlag('price-screens', [s.lot.id], {
    score,
    lot: s.lot.id,
    project: s.lot.project,
    entities: shown.map((b) => b.bidder).sort(),
    bids: shown.map((b) => b.bid).sort(),
    basis: BASIS,
    summary: `Collusive-looking bid distribution found in lot ${s.lot.id}: ${summary}`,
    evidence: [
      ...(s.rating ? rows('lot', s.bids, s.rating) : []),
      ...(group && group.score !== undefined ? rows('subgroups', group.bids, group.rating, group) : []),
    ],
  });
}

function rows(scope: 'lot' | 'subgroups', bids: PricedBid[], rating: Rating, group?: CoverGroup): Evidence[] {
  const { key, lots } = rating.reference;
  const bidders = bids.map((b) => b.bidder).join(', ');
  const head: Evidence =
    scope === 'lot'
      ? {
          kind: 'screen-score',
          text: `Lot screens: mean collusive-side percentile ${rating.score.toFixed(2)} against ${lots} lots of ${key}`,
          data: { scope, score: rating.score, reference: key, referenceLots: lots, bids },
        }
      : {
          kind: 'screen-score',
          text:
            `Cover group (${bidders}): mean collusive-side percentile ${rating.score.toFixed(2)} against ${lots} lots ` +
            `of ${key}; percentile ${group!.score!.toFixed(2)} among the best groups of ${group!.against!.lots} lots ` +
            `of ${group!.against!.key}`,
          data: {
            scope,
            score: group!.score,
            groupRating: rating.score,
            reference: key,
            referenceLots: lots,
            groupReference: group!.against!.key,
            groupReferenceLots: group!.against!.lots,
            bids,
          },
        };
  return [
    head,
    ...rating.rows.map((r) => ({
      kind: 'screen',
      text:
        `${scope === 'lot' ? 'lot' : `cover group (${bidders})`} ${r.screen} = ${r.value.toPrecision(4)}: ` +
        `percentile ${r.percentile.toFixed(2)} of ${key}, collusive tail ${COLLUSIVE_TAIL[r.screen]}`,
      data: {
        scope,
        ...r,
        bids: scope === 'lot' ? undefined : bids.map((b) => b.bid),
        tail: COLLUSIVE_TAIL[r.screen],
        reference: key,
        referenceLots: lots,
      },
    })),
  ];
}
