/**
 * The weighted bidder graph that Louvain partitions: two bidders are linked when they meet in
 * lots far more often than chance (co-bidding lift within their market) and by the pairwise
 * evidence flags found between them (shared fingerprints, people, bonds, control, prices).
 * Wachs & Kertész 2019; the Neo4j fraud-ring pattern.
 */
import Graph from 'graphology';
import { Context } from '../context';
import { Flag } from '../flag';

export interface BidderGraphSettings {
  /** Lots two bidders must share before co-bidding counts as a link. */
  minCoBids: number;
  /** Weight of pairwise evidence flags relative to co-bidding lift. */
  evidenceWeight: number;
}

export const BIDDER_GRAPH_DEFAULTS: BidderGraphSettings = { minCoBids: 2, evidenceWeight: 2 };

/** Pairwise evidence detectors whose flags link two bidders. */
export const PAIR_DETECTORS = new Set([
  'shared-fingerprint',
  'shared-ip',
  'shared-people',
  'shared-bond',
  'affiliated-bidders',
  'identical-prices',
]);

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export interface CoBidding {
  /** Lots in which each bidder bid. */
  lotsOf: Map<string, Set<string>>;
  /** Lots shared by each pair (key: sorted pair joined by NUL). */
  shared: Map<string, number>;
}

/** Counts, over all lots, in how many lots each pair of distinct bidders met. */
export function coBidding(context: Context): CoBidding {
  const lotsOf = new Map<string, Set<string>>();
  const shared = new Map<string, number>();
  for (const lot of context.lots()) {
    const bidders = [...new Set(context.bidsOfLot(lot.id).map((b) => b.bidder))].sort();
    for (const bidder of bidders) {
      let set = lotsOf.get(bidder);
      if (!set) lotsOf.set(bidder, (set = new Set()));
      set.add(lot.id);
    }
    for (let i = 0; i < bidders.length; i += 1) {
      for (let j = i + 1; j < bidders.length; j += 1) {
        const key = `${bidders[i]}\u0000${bidders[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  return { lotsOf, shared };
}

/** Builds the undirected weighted bidder graph (edge attribute `weight`). */
export function bidderGraph(context: Context, co: CoBidding, pairFlags: Flag[], settings: BidderGraphSettings): Graph {
  const graph = new Graph({ type: 'undirected' });
  const marketSize = new Map<string, number>();
  for (const lot of context.lots()) {
    const market = context.marketOf(lot.id);
    marketSize.set(market, (marketSize.get(market) ?? 0) + 1);
  }
  const homeMarket = new Map<string, string>();
  for (const [bidder, lots] of co.lotsOf) {
    const counts = new Map<string, number>();
    for (const lot of lots) counts.set(context.marketOf(lot), (counts.get(context.marketOf(lot)) ?? 0) + 1);
    homeMarket.set(bidder, [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0]);
  }
  const add = (a: string, b: string, weight: number) => {
    if (weight <= 0 || a === b) return;
    if (!graph.hasNode(a)) graph.addNode(a);
    if (!graph.hasNode(b)) graph.addNode(b);
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (w: number | undefined) => (w ?? 0) + weight);
    else graph.addEdge(a, b, { weight });
  };
  for (const [key, count] of co.shared) {
    if (count < settings.minCoBids) continue;
    const [a, b] = key.split('\u0000');
    const na = co.lotsOf.get(a)!.size;
    const nb = co.lotsOf.get(b)!.size;
    const size = Math.max(marketSize.get(homeMarket.get(a)!) ?? 1, na, nb);
    const lift = (count * size) / (na * nb);
    if (lift > 1) add(a, b, Math.log(lift) * Math.min(1, count / 4));
  }
  const evidence = new Map<string, number>();
  for (const flag of pairFlags) {
    if (!PAIR_DETECTORS.has(flag.detector)) continue;
    const bidders = flag.entities.filter((e) => co.lotsOf.has(e));
    for (let i = 0; i < bidders.length; i += 1) {
      for (let j = i + 1; j < bidders.length; j += 1) {
        const key = pairKey(bidders[i], bidders[j]);
        evidence.set(key, Math.min(3, (evidence.get(key) ?? 0) + flag.score));
      }
    }
  }
  for (const [key, weight] of evidence) {
    const [a, b] = key.split('\u0000');
    add(a, b, weight * settings.evidenceWeight);
  }
  return graph;
}
