/**
 * Bid rotation (轮流中标): inside a group of firms that keep meeting in lots, the wins pass round in
 * turn, more evenly than independent competition would share them, with few wins outside the group.
 * Basis: 《招标投标法实施条例》 Art. 39(2) (约定轮流中标); OCP R053, R057; the Imhof rotation test.
 *
 * Groups: pairs of firms that co-bid in at least `minSharedLots` lots link in a co-bidding graph;
 * from every link a group grows greedily (the firm linked to all members but at most one, as a
 * member who skips some meetings may share fewer lots with another, with the highest summed
 * Jaccard overlap), and every size from `minGroupSize` to `maxGroupSize` is tested. A meeting is
 * an awarded lot where all members but at most one bid (all three of a trio).
 *
 * Null model: in a meeting each present bidder is equally likely to win. Evenness is the exact
 * multinomial probability of a share of the inside wins at least as even (chi-square not larger)
 * as the one observed; turn-taking counts the windows of `size` consecutive inside wins (by
 * opening date) with no winner twice, its p-value simulated under the null. Each p-value becomes
 * a score as −log10(p) / 3; the two combine, then scale by the share of meetings won inside and
 * by how rarely members win elsewhere.
 */
import { Context, Detector } from '../context';
import { Evidence, Flag, combine, makeFlag } from '../flag';
import { mulberry32 } from '../stats/prng';

const BASIS = '《招标投标法实施条例》 Art. 39(2); OCP R053, R057; Imhof rotation test';
/** Leaf budget of the exact evenness enumeration; beyond it no evenness evidence is claimed. */
const ENUMERATION_BUDGET = 200_000;
/** Simulated winner sequences for the turn-taking p-value, and their fixed seed. */
const SIMULATIONS = 2000;
const SEED = 20_170_101;

export interface Settings {
  /** Lots two firms must share to link in the co-bidding graph [4]. */
  minSharedLots: number;
  /** Smallest group tested [3]. */
  minGroupSize: number;
  /** Largest group tested [6]. */
  maxGroupSize: number;
  /** Fewest awarded meetings of a group [4]. */
  minMeetings: number;
  /** Least share of the meetings won by a member [0.6]. */
  minInsideShare: number;
  /** Groups scoring below this are dropped [0.4]. */
  minScore: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  minSharedLots: 4,
  minGroupSize: 3,
  maxGroupSize: 6,
  minMeetings: 4,
  minInsideShare: 0.6,
  minScore: 0.4,
};

interface LotInfo {
  id: string;
  date?: string;
  bidders: string[];
  winner?: string;
  bids: Map<string, string>;
}

interface Meeting {
  lot: LotInfo;
  present: string[];
}

interface Finding {
  members: string[];
  score: number;
  meetings: Meeting[];
  evidence: Evidence[];
}

/** Rotating groups, one flag per group (identity: its sorted members). */
export const detect: Detector<Settings> = (context, settings) => {
  const lots = lotInfos(context);
  const lotsOf = new Map<string, Set<string>>();
  for (const lot of lots.values()) {
    for (const bidder of lot.bidders) {
      let set = lotsOf.get(bidder);
      if (!set) lotsOf.set(bidder, (set = new Set()));
      set.add(lot.id);
    }
  }
  const graph = coBiddingGraph(lots, lotsOf, settings.minSharedLots);
  const tested = new Map<string, Finding | undefined>();
  const test = (members: string[]): Finding | undefined => {
    const key = [...members].sort().join('|');
    if (!tested.has(key)) tested.set(key, evaluate([...members].sort(), lots, lotsOf, settings));
    return tested.get(key);
  };
  const findings: Finding[] = [];
  for (const [a, b] of graph.edges) {
    const best = grow([a, b], graph, settings)
      .map(test)
      .filter((f): f is Finding => f !== undefined)
      .sort(byScore)[0];
    if (best) findings.push(best);
  }
  const accepted: Finding[] = [];
  for (const finding of dedupe(findings).sort(byScore)) {
    if (accepted.every((g) => g.members.filter((m) => finding.members.includes(m)).length < 2)) accepted.push(finding);
  }
  return accepted
    .filter((f) => f.meetings.some((m) => context.inScope(m.lot.id)))
    .map(toFlag)
    .sort((a, b) => a.id.localeCompare(b.id));
};

function lotInfos(context: Context): Map<string, LotInfo> {
  const out = new Map<string, LotInfo>();
  for (const lot of context.lots()) {
    const bids = context.bidsOfLot(lot.id).filter((b) => b.status !== 'withdrawn');
    const project = context.projectOfLot(lot.id)?.events;
    const date = (lot.events.opened ?? lot.events.bid_deadline ?? project?.bid_deadline)?.slice(0, 10);
    const byBidder = new Map<string, string>();
    for (const bid of [...bids].sort((x, y) => x.id.localeCompare(y.id))) {
      if (!byBidder.has(bid.bidder)) byBidder.set(bid.bidder, bid.id);
    }
    const won = bids.filter((b) => b.won === true).sort((x, y) => x.id.localeCompare(y.id))[0];
    out.set(lot.id, { id: lot.id, date, bidders: [...byBidder.keys()].sort(), winner: won?.bidder, bids: byBidder });
  }
  return out;
}

interface Graph {
  /** Links sorted by Jaccard overlap (descending), then by ids. */
  edges: [string, string][];
  jaccard(a: string, b: string): number;
  neighbours(a: string): Set<string>;
}

function coBiddingGraph(lots: Map<string, LotInfo>, lotsOf: Map<string, Set<string>>, minShared: number): Graph {
  const shared = new Map<string, number>();
  for (const lot of lots.values()) {
    for (let i = 0; i < lot.bidders.length; i += 1) {
      for (let j = i + 1; j < lot.bidders.length; j += 1) {
        const key = `${lot.bidders[i]}\u0000${lot.bidders[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const adjacency = new Map<string, Set<string>>();
  const weights = new Map<string, number>();
  const edges: [string, string, number][] = [];
  for (const [key, count] of shared) {
    if (count < minShared) continue;
    const [a, b] = key.split('\u0000');
    const jaccard = count / ((lotsOf.get(a)?.size ?? 0) + (lotsOf.get(b)?.size ?? 0) - count);
    weights.set(key, jaccard);
    edges.push([a, b, jaccard]);
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      let set = adjacency.get(x);
      if (!set) adjacency.set(x, (set = new Set()));
      set.add(y);
    }
  }
  edges.sort((x, y) => y[2] - x[2] || x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]));
  return {
    edges: edges.map(([a, b]) => [a, b]),
    jaccard: (a, b) => weights.get(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`) ?? 0,
    neighbours: (a) => adjacency.get(a) ?? new Set(),
  };
}

/** The groups grown greedily from a seed pair, one per size from minGroupSize to maxGroupSize. */
function grow(seed: string[], graph: Graph, settings: Settings): string[][] {
  const group = [...seed];
  const out: string[][] = [];
  while (group.length < settings.maxGroupSize) {
    const near = new Set(group.flatMap((m) => [...graph.neighbours(m)]));
    const candidates = [...near].filter(
      (c) => !group.includes(c) && group.filter((m) => graph.neighbours(m).has(c)).length >= group.length - 1,
    );
    if (!candidates.length) break;
    const weight = (c: string) => group.reduce((sum, m) => sum + graph.jaccard(c, m), 0);
    candidates.sort((x, y) => weight(y) - weight(x) || x.localeCompare(y));
    group.push(candidates[0]);
    if (group.length >= settings.minGroupSize) out.push([...group]);
  }
  return out;
}

function evaluate(
  members: string[],
  lots: Map<string, LotInfo>,
  lotsOf: Map<string, Set<string>>,
  settings: Settings,
): Finding | undefined {
  const quorum = Math.max(3, members.length - 1);
  const touched = new Set(members.flatMap((m) => [...(lotsOf.get(m) ?? [])]));
  const meetings: Meeting[] = [];
  let outsideWins = 0;
  for (const id of [...touched].sort()) {
    const lot = lots.get(id) as LotInfo;
    const present = members.filter((m) => lot.bids.has(m));
    if (present.length >= quorum && lot.winner !== undefined) meetings.push({ lot, present });
    else if (lot.winner !== undefined && members.includes(lot.winner)) outsideWins += 1;
  }
  if (meetings.length < settings.minMeetings) return undefined;
  const inside = meetings.filter((m) => members.includes(m.lot.winner as string));
  const insideShare = inside.length / meetings.length;
  const wins = members.map((m) => inside.filter((x) => x.lot.winner === m).length);
  if (insideShare < settings.minInsideShare || wins.some((w) => w === 0)) return undefined;

  const expected = members.map((m) =>
    inside.reduce((s, x) => s + (x.present.includes(m) ? 1 / x.present.length : 0), 0),
  );
  const p = expected.map((e) => e / inside.length);
  const expectedInside = meetings.reduce((s, x) => s + x.present.length / x.lot.bidders.length, 0);
  const chi = chiSquare(wins, p);
  const pEven = moreEvenProbability(wins, p);
  const evenness = Math.min(1, -Math.log10(Math.max(pEven, 1e-12)) / 3);
  const sequence = inside
    .filter((x) => x.lot.date !== undefined)
    .sort((x, y) => (x.lot.date as string).localeCompare(y.lot.date as string) || x.lot.id.localeCompare(y.lot.id))
    .map((x) => members.indexOf(x.lot.winner as string));
  const turns = turnTaking(sequence, members.length, p);
  const turnTakingScore = Math.min(1, -Math.log10(turns.pValue) / 3);
  const exclusivity = inside.length / (inside.length + outsideWins);
  const score = insideShare * (0.5 + 0.5 * exclusivity) * combine([evenness, turnTakingScore]);
  if (score < settings.minScore) return undefined;

  const evidence: Evidence[] = [
    {
      kind: 'rotation',
      text: `${members.length} firms met in ${meetings.length} awarded lots; members won ${inside.length} (${pct(insideShare)}, ${round(expectedInside)} expected) with shares ${wins.join('/')} (chance of shares this even ${round(pEven)}); ${turns.distinct} of ${turns.windows} windows of ${members.length} consecutive wins had no repeat winner (${pct(turns.expected)} of windows expected, p ${round(turns.pValue)}); members won ${outsideWins} lots outside the group.`,
      data: {
        members,
        meetings: meetings.length,
        insideWins: inside.length,
        insideShare: round(insideShare),
        expectedInsideWins: round(expectedInside),
        wins: Object.fromEntries(members.map((m, i) => [m, wins[i]])),
        expectedWins: Object.fromEntries(members.map((m, i) => [m, round(expected[i])])),
        chiSquare: round(chi),
        pEven: round(pEven),
        windows: turns.windows,
        windowsWithoutRepeat: turns.distinct,
        expectedWindowShare: round(turns.expected),
        turnTakingP: round(turns.pValue),
        outsideWins,
        exclusivity: round(exclusivity),
      },
    },
    ...[...meetings].sort(byDate).map((m) => meetingEvidence(m, members)),
  ];
  return { members, score, meetings, evidence };
}

/** Pearson chi-square of observed wins against the expected proportions. */
function chiSquare(wins: number[], p: number[]): number {
  const total = wins.reduce((a, b) => a + b, 0);
  return wins.reduce((s, w, i) => s + (w - total * p[i]) ** 2 / (total * p[i]), 0);
}

/**
 * P(chi-square ≤ observed) under multinomial(total, p): the chance of shares at least as even as
 * those observed. Exact enumeration, pruned to the region of smaller chi-square; stops once the
 * probability passes 0.5 (no evidence either way), and answers 1 past the leaf budget.
 */
function moreEvenProbability(wins: number[], p: number[]): number {
  const total = wins.reduce((a, b) => a + b, 0);
  const limit = chiSquare(wins, p) + 1e-9;
  const logFactorial = [0];
  for (let n = 1; n <= total; n += 1) logFactorial.push(logFactorial[n - 1] + Math.log(n));
  let probability = 0;
  let leaves = 0;
  const term = (i: number, w: number) => (w - total * p[i]) ** 2 / (total * p[i]);
  const visit = (i: number, left: number, chi: number, logP: number): void => {
    if (probability > 0.5 || leaves > ENUMERATION_BUDGET) return;
    if (i === p.length - 1) {
      leaves += 1;
      if (chi + term(i, left) <= limit) probability += Math.exp(logP + left * Math.log(p[i]) - logFactorial[left]);
      return;
    }
    for (let w = 0; w <= left; w += 1) {
      const next = chi + term(i, w);
      if (next > limit) {
        if (w > total * p[i]) break;
        continue;
      }
      visit(i + 1, left - w, next, logP + w * Math.log(p[i]) - logFactorial[w]);
    }
  };
  visit(0, total, 0, logFactorial[total]);
  return leaves > ENUMERATION_BUDGET ? 1 : Math.min(1, probability);
}

/**
 * Turn-taking: windows of `size` consecutive inside wins with no winner twice. Its p-value is the
 * share of `SIMULATIONS` sequences of independent winners (drawn with the null proportions, from a
 * fixed seed so that every run agrees) with at least as many such windows.
 */
function turnTaking(
  sequence: number[],
  size: number,
  p: number[],
): { windows: number; distinct: number; expected: number; pValue: number } {
  let factorial = 1;
  for (let n = 2; n <= size; n += 1) factorial *= n;
  const expected = factorial * p.reduce((a, b) => a * b, 1);
  const windows = Math.max(0, sequence.length - size + 1);
  const distinct = distinctWindows(sequence, size);
  if (distinct === 0) return { windows, distinct, expected, pValue: 1 };
  const cumulative = p.map((_, i) => p.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const next = mulberry32(SEED);
  let atLeast = 0;
  for (let n = 0; n < SIMULATIONS; n += 1) {
    const draw = sequence.map(() => {
      const u = next();
      const i = cumulative.findIndex((c) => u < c);
      return i < 0 ? p.length - 1 : i;
    });
    if (distinctWindows(draw, size) >= distinct) atLeast += 1;
  }
  return { windows, distinct, expected, pValue: (atLeast + 1) / (SIMULATIONS + 1) };
}

function distinctWindows(sequence: number[], size: number): number {
  let count = 0;
  for (let t = 0; t + size <= sequence.length; t += 1) {
    if (new Set(sequence.slice(t, t + size)).size === size) count += 1;
  }
  return count;
}

function meetingEvidence(meeting: Meeting, members: string[]): Evidence {
  const { lot, present } = meeting;
  const others = lot.bidders.length - present.length;
  return {
    kind: 'win-sequence',
    text: `${lot.date ?? 'undated'} ${lot.id}: ${lot.winner} won; members present ${present.join(', ')}${others ? ` and ${others} other bidder(s)` : ''}.`,
    data: {
      lot: lot.id,
      date: lot.date,
      winner: lot.winner,
      winnerIsMember: members.includes(lot.winner as string),
      present,
      otherBidders: others,
    },
  };
}

function toFlag(finding: Finding): Flag {
  const { members, meetings } = finding;
  const bids = meetings.flatMap((m) => m.present.map((b) => m.lot.bids.get(b) as string));
  return makeFlag('bid-rotation', ['group', ...members], {
    score: finding.score,
    entities: members,
    bids: [...new Set(bids)].sort(),
    basis: BASIS,
    summary: `Pattern of wins passing round found: ${members.join(', ')} met in ${meetings.length} lots and took turns winning.`,
    evidence: finding.evidence,
  });
}

/** Keeps one finding per member set. */
function dedupe(findings: Finding[]): Finding[] {
  return [...new Map(findings.map((f) => [f.members.join('|'), f])).values()];
}

function byScore(a: Finding, b: Finding): number {
  return b.score - a.score || b.members.length - a.members.length || a.members.join().localeCompare(b.members.join());
}

function byDate(a: Meeting, b: Meeting): number {
  return (a.lot.date ?? '9999').localeCompare(b.lot.date ?? '9999') || a.lot.id.localeCompare(b.lot.id);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
