/**
 * Expert bias (倾向性): an expert who scores one bidder far above the rest of the panel, lot after
 * lot; and an expert who sits on one agent's lots far more often than random drawing explains.
 * Basis: 《评标委员会和评标方法暂行规定》 Art. 53 (biased scoring); no public anchor for the
 * method: a place to lead.
 *
 * Scores: an expert's deviation in a lot for a bidder is its total score minus the mean of the
 * other experts' totals for that bidder (all criteria summed); the deviation is standardised
 * against the expert's usual deviations (median and 1.4826 × MAD, or the pooled ones when the
 * expert has too few), so a lenient or harsh expert is not biased for being so. The score is the
 * share of the expert's lots with that bidder scored far above, × (1 − 0.5^(lots far above − 1)).
 *
 * Drawing: an expert's panel rate is taken per market (sector × city, where the database draws
 * from), and the sittings on one agent's lots (the tenderer's when it has no agent) are compared
 * with the binomial whose mean is the sum of those per-market rates over the agent's lots; the
 * flag carries the winning bids of those lots, the outcomes such a panel decided. Many
 * (expert, agent) pairs are tested, so the score is −log10(tail) / 8: a tail just under alpha
 * scores low, one of 1e-8 scores 1.
 */
import { Context, Detector } from '../context';
import { Evidence, Flag, makeFlag } from '../flag';
import { binomialUpperTail } from '../stats/binomial';

const BASIS = '《评标委员会和评标方法暂行规定》 Art. 53 (倾向性)';

export interface Settings {
  /** Standardised deviation at or above which a score is far above the panel [3]. */
  zThreshold: number;
  /** Fewest lots with a far-above score for one bidder [3]. */
  minLots: number;
  /** Fewest deviations of an expert for its own baseline; fewer use the pooled baseline [10]. */
  minBaseline: number;
  /** Smallest deviation scale, in score points, so that unanimous panels do not divide by zero [0.5]. */
  minScale: number;
  /** Binomial tail probability below which an expert sits on one agent's lots too often [0.001]. */
  alpha: number;
  /** Fewest sittings on one agent's lots [4]. */
  minSittings: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  zThreshold: 3,
  minLots: 3,
  minBaseline: 10,
  minScale: 0.5,
  alpha: 0.001,
  minSittings: 4,
};

/** Scoring and drawing flags. */
export const detect: Detector<Settings> = (context, settings) =>
  [...scoreFlags(context, settings), ...drawingFlags(context, settings)].sort((a, b) => a.id.localeCompare(b.id));

interface Deviation {
  lot: string;
  expert: string;
  bidder: string;
  score: number;
  othersMean: number;
  panel: number;
  deviation: number;
  z: number;
}

function scoreFlags(context: Context, settings: Settings): Flag[] {
  const deviations = deviationsOf(context);
  standardise(deviations, settings);
  const byPair = new Map<string, Deviation[]>();
  for (const d of deviations) push(byPair, `${d.expert}\u0000${d.bidder}`, d);
  const flags: Flag[] = [];
  for (const list of byPair.values()) {
    const high = list.filter((d) => d.z >= settings.zThreshold);
    if (high.length < settings.minLots || !high.some((d) => context.inScope(d.lot))) continue;
    const { expert, bidder } = list[0];
    const score = (high.length / list.length) * (1 - 0.5 ** (high.length - 1));
    const sorted = [...list].sort((a, b) => compareLots(context, a.lot, b.lot));
    const bids = high.flatMap((d) =>
      context
        .bidsOfLot(d.lot)
        .filter((b) => b.bidder === bidder)
        .map((b) => b.id),
    );
    flags.push(
      makeFlag('expert-bias', ['score', expert, bidder], {
        score,
        entities: [expert, bidder],
        bids: bids.sort(),
        basis: BASIS,
        summary: `Pattern of one-sided scoring found: ${expert} scored ${bidder} far above the rest of the panel in ${high.length} of ${list.length} lots.`,
        evidence: sorted.map((d): Evidence => ({
          kind: 'score',
          text: `${d.lot}${dateText(context, d.lot)}: ${expert} gave ${bidder} ${round(d.score)}, the other ${d.panel - 1} experts ${round(d.othersMean)} on average (+${round(d.deviation)}, z ${round(d.z)}).`,
          data: {
            ...d,
            score: round(d.score),
            othersMean: round(d.othersMean),
            deviation: round(d.deviation),
            z: round(d.z),
            high: d.z >= settings.zThreshold,
          },
        })),
      }),
    );
  }
  return flags;
}

/** Every (lot, expert, bidder) total with at least two other experts scoring the bidder in the lot. */
function deviationsOf(context: Context): Deviation[] {
  const totals = new Map<string, Map<string, number>>();
  for (const e of context.projection.evaluations) {
    const key = `${e.lot}\u0000${e.bidder}`;
    const byExpert = totals.get(key) ?? new Map<string, number>();
    totals.set(key, byExpert.set(e.expert, (byExpert.get(e.expert) ?? 0) + e.score));
  }
  const out: Deviation[] = [];
  for (const [key, byExpert] of totals) {
    if (byExpert.size < 3) continue;
    const [lot, bidder] = key.split('\u0000');
    const sum = [...byExpert.values()].reduce((a, b) => a + b, 0);
    for (const [expert, score] of byExpert) {
      const othersMean = (sum - score) / (byExpert.size - 1);
      out.push({ lot, expert, bidder, score, othersMean, panel: byExpert.size, deviation: score - othersMean, z: 0 });
    }
  }
  return out;
}

/** Sets each deviation's z against its expert's robust baseline (or the pooled one). */
function standardise(deviations: Deviation[], settings: Settings): void {
  const pooled = robust(deviations.map((d) => d.deviation));
  const byExpert = new Map<string, Deviation[]>();
  for (const d of deviations) push(byExpert, d.expert, d);
  for (const list of byExpert.values()) {
    const base = list.length >= settings.minBaseline ? robust(list.map((d) => d.deviation)) : pooled;
    const scale = Math.max(settings.minScale, base.scale);
    for (const d of list) d.z = (d.deviation - base.centre) / scale;
  }
}

/** Median and 1.4826 × median absolute deviation. */
function robust(values: number[]): { centre: number; scale: number } {
  if (!values.length) return { centre: 0, scale: 0 };
  const centre = median(values);
  return { centre, scale: 1.4826 * median(values.map((v) => Math.abs(v - centre))) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function drawingFlags(context: Context, settings: Settings): Flag[] {
  const p = context.projection;
  const seated = new Map<string, Set<string>>();
  const seat = (lot: string, expert: string) => seated.set(lot, (seated.get(lot) ?? new Set<string>()).add(expert));
  for (const panel of p.panels.values())
    for (const e of [...panel.experts, ...(panel.chair ? [panel.chair] : [])]) seat(panel.lot, e);
  for (const e of p.evaluations) seat(e.lot, e.expert);

  const lotsOfMarket = new Map<string, number>();
  const sittings = new Map<string, string[]>();
  const organiserOf = new Map<string, string>();
  for (const [lot, experts] of seated) {
    const project = context.projectOfLot(lot);
    if (!project) continue;
    organiserOf.set(lot, project.agent ?? project.tenderer);
    const market = context.marketOf(lot);
    lotsOfMarket.set(market, (lotsOfMarket.get(market) ?? 0) + 1);
    for (const expert of experts) push(sittings, expert, lot);
  }
  const organiserLots = new Map<string, number>();
  for (const [lot, organiser] of organiserOf) {
    const key = `${organiser}\u0000${context.marketOf(lot)}`;
    organiserLots.set(key, (organiserLots.get(key) ?? 0) + 1);
  }

  const flags: Flag[] = [];
  for (const [expert, lots] of [...sittings].sort(([a], [b]) => a.localeCompare(b))) {
    const rate = new Map<string, number>();
    for (const lot of lots) rate.set(context.marketOf(lot), (rate.get(context.marketOf(lot)) ?? 0) + 1);
    for (const [market, count] of rate) rate.set(market, count / (lotsOfMarket.get(market) as number));
    const byOrganiser = new Map<string, string[]>();
    for (const lot of lots) push(byOrganiser, organiserOf.get(lot) as string, lot);
    for (const [organiser, own] of [...byOrganiser].sort(([a], [b]) => a.localeCompare(b))) {
      if (own.length < settings.minSittings || !own.some((l) => context.inScope(l))) continue;
      let n = 0;
      let expected = 0;
      for (const [market, r] of rate) {
        const available = organiserLots.get(`${organiser}\u0000${market}`) ?? 0;
        n += available;
        expected += available * r;
      }
      const tail = binomialUpperTail(n, expected / n, own.length);
      if (tail >= settings.alpha) continue;
      const sorted = [...own].sort((a, b) => compareLots(context, a, b));
      const awards = sorted.flatMap((lot) =>
        context
          .bidsOfLot(lot)
          .filter((b) => b.won === true)
          .map((b) => b.id),
      );
      flags.push(
        makeFlag('expert-bias', ['agent', expert, organiser], {
          score: Math.min(1, -Math.log10(Math.max(tail, 1e-300)) / 8),
          entities: [expert, organiser],
          bids: awards,
          basis: BASIS,
          summary: `Pattern of repeated sittings found: ${expert} sat on ${own.length} of the ${n} lots of ${organiser} in its markets, ${round(expected)} expected from its panel rate.`,
          evidence: [
            {
              kind: 'drawing',
              text: `${expert} sat on ${own.length} of ${n} panelled lots of ${organiser} in the markets it is drawn for; its panel rates there give ${round(expected)} expected (binomial tail ${tail.toExponential(2)}).`,
              data: {
                expert,
                organiser,
                sittings: own.length,
                lots: n,
                expected: round(expected),
                tail,
                rates: Object.fromEntries([...rate].sort().map(([m, r]) => [m, round(r)])),
              },
            },
            ...sorted.map((lot): Evidence => ({
              kind: 'sitting',
              text: `${lot}${dateText(context, lot)}: ${expert} on the panel.`,
              data: { lot, project: context.projectOfLot(lot)?.id },
            })),
          ],
        }),
      );
    }
  }
  return flags;
}

function lotDate(context: Context, lot: string): string | undefined {
  const events = context.projection.lots.get(lot)?.events;
  const project = context.projectOfLot(lot)?.events;
  return (events?.evaluated ?? events?.opened ?? project?.bid_deadline)?.slice(0, 10);
}

function dateText(context: Context, lot: string): string {
  const date = lotDate(context, lot);
  return date ? ` (${date})` : '';
}

function compareLots(context: Context, a: string, b: string): number {
  return (lotDate(context, a) ?? '9999').localeCompare(lotDate(context, b) ?? '9999') || a.localeCompare(b);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
