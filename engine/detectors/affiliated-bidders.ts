/**
 * Same control: two bidders of one lot with the same legal representative (单位负责人为同一人), or
 * linked by control (控股、管理关系): shareholdings of at least `minShare`, a parent company, a
 * declared common controller, executives, directly or through a common controller. Basis:
 * 《招标投标法实施条例》 Art. 34(2); 政府采购法实施条例 Art. 18; OCP R032/R033.
 *
 * The search walks the registry's ties up from one bidder to its controllers and then down to
 * the other (never down then up: two firms holding shares in one joint venture do not control each
 * other). Every tie costs one hop except a legal representative's, who stands for the firm he
 * represents: a common legal representative is one hop, a chain from A's legal representative
 * through two holdings to B is three. Ties are read as of the lot's opening (or deadline) when
 * they carry dates, and government bodies link nobody (state ownership alone makes no affiliation).
 */
import { Context, Detector } from '../context';
import { Evidence, Flag, makeFlag } from '../flag';
import { Lot, Tie } from '../model';

const BASIS = '《招标投标法实施条例》 Art. 34(2); 政府采购法实施条例 Art. 18; OCP R032/R033';

export interface Settings {
  /** Smallest shareholding that counts as control; a shareholding of unknown size counts [0.2]. */
  minShare: number;
  /** Score by path length, from one hop; its length is the longest path searched [0.95, 0.85, 0.7]. */
  hopScores: number[];
  /** Tie kinds that carry control [shareholder, parent_company, same_controller, legal_rep, executive]. */
  kinds: string[];
  /** Kinds of organisation whose ties link nobody [government]. */
  neutralKinds: string[];
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  minShare: 0.2,
  hopScores: [0.95, 0.85, 0.7],
  kinds: ['shareholder', 'parent_company', 'same_controller', 'legal_rep', 'executive'],
  neutralKinds: ['government'],
};

/** A tie seen from one end: `up` to a controller, `down` to a controlled firm, `peer` across a common controller. */
interface Edge {
  tie: Tie;
  to: string;
  direction: 'up' | 'down' | 'peer';
  cost: number;
}

/** A state of the search: where it is, whether it may still go up, the cost so far and how it came. */
interface Step {
  node: string;
  rising: boolean;
  cost: number;
  prev?: Step;
  edge?: Edge;
}

/** One flag per pair of bidders of an in-scope lot linked by control within the longest path searched. */
export const detect: Detector<Settings> = (context, settings) => {
  const graph = tieGraph(context, settings);
  const flags: Flag[] = [];
  for (const lot of context.lots()) {
    if (!context.inScope(lot.id)) continue;
    const bidders = [...new Set(context.bidsOfLot(lot.id).map((b) => b.bidder))].sort();
    const date = dateOf(context, lot);
    for (const [i, a] of bidders.entries()) {
      const reached = search(graph, a, date, settings.hopScores.length);
      for (const b of bidders.slice(i + 1)) {
        const step = reached.get(b);
        if (step) flags.push(pairFlag(context, settings, lot, a, b, step));
      }
    }
  }
  return flags.sort((x, y) => x.id.localeCompare(y.id));
};

/** Adjacency of the control ties, both directions, plus each organisation's own legal representative. */
function tieGraph(context: Context, settings: Settings): Map<string, Edge[]> {
  const { organizations, ties } = context.projection;
  const neutral = (id: string) => settings.neutralKinds.includes(organizations.get(id)?.kind ?? '');
  const reps: Tie[] = [...organizations.values()].flatMap((o) =>
    o.legalRep ? [{ kind: 'legal_rep', from: o.legalRep, to: o.id }] : [],
  );
  const seen = new Set<string>();
  const graph = new Map<string, Edge[]>();
  const add = (at: string, edge: Edge) => {
    const edges = graph.get(at);
    if (edges) edges.push(edge);
    else graph.set(at, [edge]);
  };
  for (const tie of [...ties, ...reps]) {
    const key = [tie.kind, tie.from, tie.to, tie.since, tie.until].join('\u0000');
    if (seen.has(key) || !settings.kinds.includes(tie.kind) || tie.from === tie.to) continue;
    if (tie.kind === 'shareholder' && tie.share !== undefined && tie.share < settings.minShare) continue;
    if (neutral(tie.from) || neutral(tie.to)) continue;
    seen.add(key);
    const cost = tie.kind === 'legal_rep' ? 0 : 1;
    const peer = tie.kind === 'same_controller';
    add(tie.from, { tie, to: tie.to, direction: peer ? 'peer' : 'down', cost });
    add(tie.to, { tie, to: tie.from, direction: peer ? 'peer' : 'up', cost });
  }
  const order = (e: Edge) => [e.to, e.tie.kind, e.tie.since, e.tie.until, e.tie.share].join('\u0000');
  for (const edges of graph.values()) edges.sort((x, y) => order(x).localeCompare(order(y)));
  return graph;
}

/** The lot's reference date (opening, else bid deadline, of the lot or else its project), as YYYY-MM-DD. */
function dateOf(context: Context, lot: Lot): string | undefined {
  const project = context.projectOfLot(lot.id)?.events ?? {};
  return (lot.events.opened ?? lot.events.bid_deadline ?? project.opened ?? project.bid_deadline)?.slice(0, 10);
}

function active(tie: Tie, date: string | undefined): boolean {
  if (date === undefined) return true;
  return (!tie.since || tie.since.slice(0, 10) <= date) && (!tie.until || tie.until.slice(0, 10) >= date);
}

/**
 * Cheapest up-then-down path from `source` to every node within `maxCost` (buckets by cost: a
 * legal representative's tie costs nothing), first found on ties; the source itself excluded.
 */
function search(
  graph: Map<string, Edge[]>,
  source: string,
  date: string | undefined,
  maxCost: number,
): Map<string, Step> {
  const buckets: Step[][] = Array.from({ length: maxCost + 1 }, () => []);
  buckets[0].push({ node: source, rising: true, cost: 0 });
  const settled = new Set<string>();
  const reached = new Map<string, Step>();
  for (const bucket of buckets) {
    for (let i = 0; i < bucket.length; i += 1) {
      const step = bucket[i];
      const key = `${step.node}\u0000${step.rising}`;
      if (settled.has(key)) continue;
      settled.add(key);
      if (step.node !== source && !reached.has(step.node)) reached.set(step.node, step);
      for (const edge of graph.get(step.node) ?? []) {
        if ((edge.direction !== 'down' && !step.rising) || !active(edge.tie, date)) continue;
        const cost = step.cost + edge.cost;
        const rising = edge.direction === 'up';
        if (cost <= maxCost) buckets[cost].push({ node: edge.to, rising, cost, prev: step, edge });
      }
    }
  }
  return reached;
}

function pairFlag(context: Context, settings: Settings, lot: Lot, a: string, b: string, end: Step): Flag {
  const edges: Edge[] = [];
  for (let step: Step | undefined = end; step?.edge; step = step.prev) edges.unshift(step.edge);
  const hops = Math.max(1, end.cost);
  const via = [...new Set(edges.flatMap((e) => [e.tie.from, e.tie.to]))].filter((id) => id !== a && id !== b);
  const evidence: Evidence[] = [
    {
      kind: 'tie-path',
      text: `${a} and ${b} are linked by control in ${hops} hop(s)${via.length ? ` via ${via.join(', ')}` : ''}`,
      data: { hops, path: [a, ...edges.map((e) => e.to)], ties: edges.map((e) => ({ ...e.tie })) },
    },
    ...edges.map((e) => ({ kind: 'tie', text: tieText(e.tie), data: { ...e.tie } })),
  ];
  return makeFlag('affiliated-bidders', [lot.id, a, b], {
    score: settings.hopScores[hops - 1],
    lot: lot.id,
    project: lot.project,
    entities: [...new Set([a, b, ...via])].sort(),
    bids: context
      .bidsOfLot(lot.id)
      .filter((bid) => bid.bidder === a || bid.bidder === b)
      .map((bid) => bid.id)
      .sort(),
    basis: BASIS,
    summary: `Control link found in lot ${lot.id}: ${a} and ${b} are ${hops} hop(s) apart in the business registry`,
    evidence,
  });
}

function tieText(tie: Tie): string {
  const dates = tie.since || tie.until ? ` (${tie.since ?? '…'} – ${tie.until ?? '…'})` : '';
  switch (tie.kind) {
    case 'legal_rep':
      return `${tie.from} is the legal representative of ${tie.to}${dates}`;
    case 'shareholder':
      return `${tie.from} holds ${tie.share === undefined ? 'an unknown share' : `${Math.round(tie.share * 1000) / 10}%`} of ${tie.to}${dates}`;
    case 'parent_company':
      return `${tie.from} is the parent company of ${tie.to}${dates}`;
    case 'same_controller':
      return `${tie.from} and ${tie.to} have the same actual controller${dates}`;
    case 'executive':
      return `${tie.from} is an executive of ${tie.to}${dates}`;
    default:
      return `${tie.from} → ${tie.to}: ${tie.kind}${dates}`;
  }
}
