/**
 * Regular prices (投标报价呈规律性差异): a lot's bids forming an arithmetic or geometric progression,
 * or a pair of bidders keeping the same price ratio across lots. Basis: 《招标投标法实施条例》
 * Art. 40(4); OCP R023 (cardinal-rs issue 103).
 *
 * Honest close prices must not fire: a progression must cover every priced bid of the lot or at
 * least `minRun` bids in a row, its step must be non-trivial (`minStep`), and honest prices must be
 * unlikely to line up as well (`maxChance`). A ratio must hold in at least `minRatioLots` lots, and
 * that many of the pair's meetings must be unlikely to agree so closely by chance (`maxRatioChance`,
 * against the density of price ratios over all pairs), so frequent honest rivals do not fire; a
 * ratio of 1 (identical prices) is left to identical-prices.
 */
import { Context, Detector } from '../context';
import { combine, Evidence, Flag, makeFlag } from '../flag';
import { Lot } from '../model';
import { choose } from '../stats/combinations';
import { densityAt, mean } from '../stats/describe';
import { lotPrices, PricedBid } from '../stats/lot-prices';
import { densest, longestProgression, Progression } from '../stats/regularity';

const BASIS = '《招标投标法实施条例》 Art. 40(4) 报价呈规律性差异; OCP R023 (cardinal-rs issue 103)';

export interface Settings {
  /** Largest deviation of one step from the mean step: share of the run's mean price, or of the ratio [0.001]. */
  tolerance: number;
  /** Smallest step that counts: share of the run's mean price, or ratio − 1 [0.005]. */
  minStep: number;
  /** Bids a progression over part of a lot needs (over all its bids, three suffice) [4]. */
  minRun: number;
  /**
   * Largest chance that honest prices line up as well, (2 × deviation / step)^(bids − 2): with
   * China's many three-bid lots, a loose three-bid fit is common by chance, an exact one is not [1e-4].
   */
  maxChance: number;
  /** Score of a three-bid progression; each further bid adds as independent evidence [0.7]. */
  runBase: number;
  /** Ratios within this share of each other are the same [0.0005]. */
  ratioTolerance: number;
  /** Fewest lots in which a pair keeps one price ratio [3]. */
  minRatioLots: number;
  /**
   * Largest chance that k of the pair's n common lots fall in a ratio window this narrow:
   * C(n, k) · k · (density of honest ratios there × window width)^(k − 1) [1e-6].
   */
  maxRatioChance: number;
  /** Score of a ratio kept in three lots; each further lot adds as independent evidence [0.6]. */
  ratioBase: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  tolerance: 0.001,
  minStep: 0.005,
  minRun: 4,
  maxChance: 1e-4,
  runBase: 0.7,
  ratioTolerance: 0.0005,
  minRatioLots: 3,
  maxRatioChance: 1e-6,
  ratioBase: 0.6,
};

/** Progression flags per in-scope lot (identity: lot) and constant-ratio flags per pair (identity: the pair). */
export const detect: Detector<Settings> = (context, settings) =>
  [...progressionFlags(context, settings), ...ratioFlags(context, settings)].sort((x, y) => x.id.localeCompare(y.id));

function progressionFlags(context: Context, settings: Settings): Flag[] {
  const flags: Flag[] = [];
  for (const lot of context.lots()) {
    if (!context.inScope(lot.id)) continue;
    const priced = lotPrices(context, lot.id);
    const run = longestProgression(
      priced.map((p) => p.price),
      settings.tolerance,
      settings.minStep,
    );
    if (!run || run.chance > settings.maxChance) continue;
    if (run.length < priced.length && run.length < settings.minRun) continue;
    const score = combine(Array.from({ length: run.length - 2 }, () => settings.runBase));
    flags.push(progressionFlag(lot, priced, run, score));
  }
  return flags;
}

function progressionFlag(lot: Lot, priced: PricedBid[], run: Progression, score: number): Flag {
  const bids = priced.slice(run.start, run.start + run.length);
  const step = run.kind === 'arithmetic' ? `step ${run.step.toFixed(2)}` : `ratio ${run.step.toFixed(4)}`;
  const named = run.kind === 'arithmetic' ? 'an arithmetic' : 'a geometric';
  const evidence: Evidence[] = [
    {
      kind: 'progression',
      text: `${run.length} of ${priced.length} priced bids form ${named} progression, ${step} (largest deviation ${Math.round(run.fit * 100)}% of the tolerance; chance ${run.chance.toPrecision(2)})`,
      data: { ...run, bids: bids.map((b) => b.bid), lotBids: priced.length },
    },
    ...bids.map((b) => ({ kind: 'price', text: `${b.bidder} bid ${b.price.toFixed(2)} (${b.bid})`, data: { ...b } })),
  ];
  return makeFlag('regular-prices', [lot.id, 'progression'], {
    score,
    lot: lot.id,
    project: lot.project,
    entities: bids.map((b) => b.bidder).sort(),
    bids: bids.map((b) => b.bid).sort(),
    basis: BASIS,
    summary: `Regular price differences found in lot ${lot.id}: ${run.length} bids in ${named} progression (${step})`,
    evidence,
  });
}

/** One lot in which both bidders of a pair priced a bid: log of the second's price over the first's. */
interface Meeting {
  lot: string;
  log: number;
  a: PricedBid;
  b: PricedBid;
}

/** Half-width of the window in which the density of honest price ratios is read [0.5 %]. */
const RATIO_BANDWIDTH = 0.005;

function ratioFlags(context: Context, settings: Settings): Flag[] {
  const meetings = pairMeetings(context);
  const all = [...meetings.values()].flatMap((met) => met.map((m) => Math.abs(m.log))).sort((x, y) => x - y);
  const flags: Flag[] = [];
  for (const met of meetings.values()) {
    if (met.length < settings.minRatioLots) continue;
    met.sort((x, y) => x.log - y.log || x.lot.localeCompare(y.lot));
    const [start, k] = densest(
      met.map((m) => m.log),
      Math.log(1 + settings.ratioTolerance),
    );
    const kept = met.slice(start, start + k);
    const log = mean(kept.map((m) => m.log));
    if (k < settings.minRatioLots || Math.abs(log) <= Math.log(1 + settings.ratioTolerance)) continue;
    if (!kept.some((m) => context.inScope(m.lot))) continue;
    // k of the pair's n meetings inside a window this narrow, with honest ratios as dense as here.
    const cent = 0.01 / Math.min(...kept.map((m) => m.a.price));
    const width = Math.max(kept[k - 1].log - kept[0].log, cent);
    const chance = Math.min(
      1,
      choose(met.length, k) * k * (densityAt(all, Math.abs(log), RATIO_BANDWIDTH) * width) ** (k - 1),
    );
    if (chance > settings.maxRatioChance) continue;
    const score = combine(Array.from({ length: k - 2 }, () => settings.ratioBase));
    flags.push(ratioFlag(kept, met.length, Math.exp(log), chance, score));
  }
  return flags;
}

/** Every pair of bidders (by id) with the lots both priced in, over all lots. */
function pairMeetings(context: Context): Map<string, Meeting[]> {
  const meetings = new Map<string, Meeting[]>();
  for (const lot of context.lots()) {
    const priced = [...lotPrices(context, lot.id)].sort((x, y) => x.bidder.localeCompare(y.bidder));
    priced.forEach((a, i) => {
      for (const b of priced.slice(i + 1)) {
        const key = `${a.bidder}\u0000${b.bidder}`;
        let met = meetings.get(key);
        if (!met) meetings.set(key, (met = []));
        met.push({ lot: lot.id, log: Math.log(b.price / a.price), a, b });
      }
    });
  }
  return meetings;
}

function ratioFlag(kept: Meeting[], met: number, ratio: number, chance: number, score: number): Flag {
  const [a, b] = [kept[0].a.bidder, kept[0].b.bidder];
  const lots = kept.map((m) => m.lot).sort();
  const evidence: Evidence[] = [
    {
      kind: 'price-ratio',
      text: `${b}'s price is ${ratio.toFixed(4)} × ${a}'s in ${kept.length} of the ${met} lots both priced (chance ${chance.toPrecision(2)})`,
      data: { ratio, lots, lotsKept: kept.length, lotsMet: met, chance },
    },
    ...[...kept]
      .sort((x, y) => x.lot.localeCompare(y.lot))
      .map((m) => ({
        kind: 'price',
        text: `${m.lot}: ${b} ${m.b.price.toFixed(2)} / ${a} ${m.a.price.toFixed(2)} = ${Math.exp(m.log).toFixed(5)}`,
        data: { lot: m.lot, ratio: Math.exp(m.log), [a]: { ...m.a }, [b]: { ...m.b } },
      })),
  ];
  return makeFlag('regular-prices', ['ratio', a, b], {
    score,
    entities: [a, b],
    bids: kept.flatMap((m) => [m.a.bid, m.b.bid]).sort(),
    basis: BASIS,
    summary: `Constant price ratio found: ${b} bid ${ratio.toFixed(4)} × ${a}'s price in ${kept.length} lots (${lots.join(', ')})`,
    evidence,
  });
}
