/**
 * `cartel-community`: Louvain on the bidder graph (co-bidding lift plus pairwise evidence), each
 * community split into connected parts and scored by cohesion, exclusivity, win rotation, cover
 * bidding and flag density. Returns every community (for the Community nodes) and flags for those
 * that score high. Basis: Wachs & Kertész 2019 (co-bidding networks); the Neo4j fraud-ring pattern.
 */
import { createHash } from 'node:crypto';
import { Context } from '../context';
import { Flag, makeFlag } from '../flag';
import { BIDDER_GRAPH_DEFAULTS, BidderGraphSettings, bidderGraph, coBidding } from './bidder-graph';
import { carriesEvidence, CommunityFeatures, communityFeatures, communityScore, meetingLots } from './features';
import { partition } from './partition';

export interface Settings extends BidderGraphSettings {
  resolution: number;
  seed: number;
  minSize: number;
  minMeetings: number;
  /** Communities scoring at least this raise a `cartel-community` flag… */
  minScore: number;
  /** …when pairwise flags fall in at least this share of their meetings, or… */
  minFlagDensity: number;
  /** …their wins rotate at least this evenly (rotation feature). */
  minRotation: number;
  /** Size beyond which a community's score is discounted (typicalSize / size). */
  typicalSize: number;
}

export const DEFAULTS: Settings = {
  ...BIDDER_GRAPH_DEFAULTS,
  resolution: 1,
  seed: 1,
  minSize: 3,
  minMeetings: 3,
  minScore: 0.5,
  minFlagDensity: 0.2,
  minRotation: 0.7,
  typicalSize: 8,
};

export interface Community {
  /** Stable while the membership is the same: a hash of the sorted member ids. */
  id: string;
  members: string[];
  score: number;
  features: CommunityFeatures;
  /** Lots in which at least two members bid. */
  meetings: string[];
}

export function detectCommunities(
  context: Context,
  pairFlags: Flag[],
  settings: Settings = DEFAULTS,
): { communities: Community[]; flags: Flag[] } {
  const co = coBidding(context);
  const graph = bidderGraph(context, co, pairFlags, settings);
  const flagsByLot = new Map<string, Flag[]>();
  for (const flag of pairFlags) if (flag.lot) flagsByLot.set(flag.lot, [...(flagsByLot.get(flag.lot) ?? []), flag]);
  const communities: Community[] = [];
  for (const members of partition(graph, settings.resolution, settings.seed)) {
    if (members.length < settings.minSize) continue;
    const meetings = meetingLots(members, co);
    const features = communityFeatures(members, meetings, context, co, graph, flagsByLot);
    const score = Math.round(communityScore(features, settings.minMeetings, settings.typicalSize) * 1000) / 1000;
    const id = `C-${createHash('sha256').update(members.join('|')).digest('hex').slice(0, 16)}`;
    communities.push({ id, members, score, features, meetings });
  }
  const flags = communities
    .filter(
      (c) =>
        c.score >= settings.minScore &&
        carriesEvidence(c.features, settings.minFlagDensity, settings.minRotation) &&
        c.meetings.some((l) => context.inScope(l)),
    )
    .map((c) => communityFlag(c, context));
  return { communities, flags: flags.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

function communityFlag(c: Community, context: Context): Flag {
  const f = c.features;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return makeFlag('cartel-community', c.members, {
    score: c.score,
    entities: c.members,
    bids: c.meetings.flatMap((lot) =>
      context
        .bidsOfLot(lot)
        .filter((b) => c.members.includes(b.bidder))
        .map((b) => b.id),
    ),
    basis: 'Co-bidding communities (Wachs & Kertész 2019); 《招标投标法实施条例》 Art. 39–40',
    summary: `Pattern found: ${c.members.length} bidders met in ${f.meetings} lots, ${pct(f.exclusivity)} of their bids inside the group, wins rotating (${pct(f.rotation)}).`,
    evidence: [
      {
        kind: 'community',
        text: `Members ${c.members.join(', ')}; cohesion ${pct(f.cohesion)}, exclusivity ${pct(f.exclusivity)}, rotation ${pct(f.rotation)}, cover ${pct(f.cover)}, flag density ${pct(f.flagDensity)}.`,
        data: { community: c.id, members: c.members, features: f },
      },
      {
        kind: 'meetings',
        text: `Lots where two or more members bid: ${c.meetings.length}.`,
        data: {
          lots: c.meetings.map((lot) => ({
            lot,
            winner: context.bidsOfLot(lot).find((b) => b.won)?.bidder ?? null,
            date: context.projection.lots.get(lot)?.events.opened ?? context.projectOfLot(lot)?.events.opened ?? null,
          })),
        },
      },
    ],
  });
}
