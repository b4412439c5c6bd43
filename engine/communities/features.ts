/**
 * What makes a group of bidders look like a cartel rather than a market: they meet often
 * (meetings), bid little outside their meetings (exclusivity), win in turn with even shares
 * (rotation), lose to each other (cover), carry pairwise evidence flags (flag density), and are
 * tied more to each other than to the rest (cohesion). Each feature is in [0, 1].
 */
import Graph from 'graphology';
import { Context } from '../context';
import { Flag } from '../flag';
import { CoBidding, PAIR_DETECTORS } from './bidder-graph';

export interface CommunityFeatures {
  size: number;
  /** Lots in which at least two members bid. */
  meetings: number;
  cohesion: number;
  exclusivity: number;
  rotation: number;
  cover: number;
  flagDensity: number;
}

/** Lots where at least two members bid, in id order. */
export function meetingLots(members: string[], co: CoBidding): string[] {
  const count = new Map<string, number>();
  for (const m of members) for (const lot of co.lotsOf.get(m) ?? []) count.set(lot, (count.get(lot) ?? 0) + 1);
  return [...count.entries()]
    .filter(([, n]) => n >= 2)
    .map(([lot]) => lot)
    .sort();
}

export function communityFeatures(
  members: string[],
  meetings: string[],
  context: Context,
  co: CoBidding,
  graph: Graph,
  flagsByLot: Map<string, Flag[]>,
): CommunityFeatures {
  const set = new Set(members);
  let inside = 0;
  let boundary = 0;
  for (const m of members) {
    graph.forEachEdge(m, (_edge, attributes, source, target) => {
      const other = source === m ? target : source;
      if (set.has(other)) inside += attributes.weight as number;
      else boundary += 2 * (attributes.weight as number);
    });
  }
  const cohesion = inside + boundary > 0 ? inside / (inside + boundary) : 0;

  const meetingSet = new Set(meetings);
  const totalLots = members.reduce((n, m) => n + (co.lotsOf.get(m)?.size ?? 0), 0);
  const lotsInMeetings = members.reduce(
    (n, m) => n + [...(co.lotsOf.get(m) ?? [])].filter((l) => meetingSet.has(l)).length,
    0,
  );
  const exclusivity = totalLots > 0 ? lotsInMeetings / totalLots : 0;

  const wins = new Map<string, number>();
  let wonInside = 0;
  let lostToMember = 0;
  let memberBidsInMeetings = 0;
  let flagged = 0;
  for (const lot of meetings) {
    const bids = context.bidsOfLot(lot);
    const winner = bids.find((b) => b.won === true)?.bidder;
    const memberBids = bids.filter((b) => set.has(b.bidder));
    memberBidsInMeetings += memberBids.length;
    if (winner !== undefined && set.has(winner)) {
      wonInside += 1;
      wins.set(winner, (wins.get(winner) ?? 0) + 1);
      lostToMember += memberBids.filter((b) => b.bidder !== winner).length;
    }
    const pairFlags = (flagsByLot.get(lot) ?? []).filter(
      (f) => PAIR_DETECTORS.has(f.detector) && f.entities.filter((e) => set.has(e)).length >= 2,
    );
    if (pairFlags.length > 0) flagged += 1;
  }
  const winners = [...wins.values()];
  const entropy = winners.reduce((h, w) => h - (w / wonInside) * Math.log(w / wonInside), 0);
  const evenness = members.length > 1 ? entropy / Math.log(members.length) : 0;
  const rotation = meetings.length > 0 ? evenness * (wonInside / meetings.length) : 0;
  const cover = memberBidsInMeetings > 0 ? lostToMember / memberBidsInMeetings : 0;
  const flagDensity = meetings.length > 0 ? flagged / meetings.length : 0;
  return { size: members.length, meetings: meetings.length, cohesion, exclusivity, rotation, cover, flagDensity };
}

/**
 * The community's cartel score in [0, 1]. Groups that meet fewer than `minMeetings` times score
 * 0; groups larger than `typicalSize` are discounted (a whole local market also co-bids densely,
 * but cartels in the literature and the casework are a handful of firms).
 */
export function communityScore(f: CommunityFeatures, minMeetings: number, typicalSize: number): number {
  if (f.meetings < minMeetings || f.size < 2) return 0;
  const repeated = Math.min(1, f.meetings / (3 * minMeetings));
  const raw = 0.25 * f.exclusivity + 0.2 * f.rotation + 0.15 * f.cover + 0.25 * f.flagDensity + 0.15 * f.cohesion;
  const size = Math.min(1, typicalSize / f.size);
  return Math.min(1, raw * (0.6 + 0.4 * repeated) * 1.4 * size);
}

/**
 * Co-bidding alone is what an honest local market looks like too: a community raises a flag only
 * when it also carries evidence (pairwise flags in enough of its meetings) or rotates its wins.
 */
export function carriesEvidence(f: CommunityFeatures, minFlagDensity: number, minRotation: number): boolean {
  return f.flagDensity >= minFlagDensity || f.rotation >= minRotation;
}
