/**
 * The neighbourhood of an organisation, person or expert as `{nodes, edges, cut}` for the sigma.js
 * viewer, and shortest connections between two entities as `{nodes, edges, length}`. The graph is
 * grown breadth first, one Cypher step per depth (cypher/api/entity-graph-expand.cypher); the
 * jurisdiction is applied inside that statement, which returns out-of-scope neighbours only as a
 * count (shown as one placeholder node per parent). Bid hops are collapsed: a bidder links to the
 * values and people of its bids. Values shared by many bidders are shown but not expanded.
 */
import { z } from 'zod';
import { Graph, int } from '../../cypher/runner';
import type { Scope } from '../scope';

/** A shared value used in in-scope bids by more organisations than this is not expanded. */
export const BULK_USERS = 50;

export const GraphNodeSchema = z.object({
  id: z
    .string()
    .describe('input-data id of an entity or community; `<Label>:<value>` of a shared value; `hidden:<parent>`'),
  label: z.string().describe('Neo4j label; `Hidden` for a placeholder'),
  name: z.string(),
  kind: z.string().optional(),
  risk: z.number().optional(),
  community: z.string().optional().describe('the active community of an organisation'),
  placeholder: z.literal(true).optional().describe('stands for `count` neighbours outside your jurisdiction'),
  count: z.number().optional(),
  bulk: z.literal(true).optional().describe('a value shared by many bidders: shown, not expanded'),
});

export const GraphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.string().describe('relationship type; CO_BID between organisations; HIDDEN to a placeholder'),
  bids: z.number().optional().describe('bids behind a collapsed bidder→value edge'),
  lots: z.number().optional().describe('in-scope lots two organisations both bid on (CO_BID)'),
});

const CutSchema = z.object({ nodes: z.number(), edges: z.number() });

export const EntityGraphSchema = z
  .object({
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
    cut: z.object({
      limit: CutSchema.describe('left out because the graph reached `limit` nodes'),
      depth: CutSchema.describe('one step beyond `depth`'),
      bulk: z.object({ values: z.number() }).describe('values shown but not expanded (shared by many bidders)'),
    }),
  })
  .meta({ id: 'EntityGraph' });

export const PathSchema = z
  .object({ nodes: z.array(GraphNodeSchema), edges: z.array(GraphEdgeSchema), length: z.number().nullable() })
  .meta({ id: 'Path' });

export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type EntityGraph = z.infer<typeof EntityGraphSchema>;
export type PathView = z.infer<typeof PathSchema>;

/** A node as the Cypher describes it (element id for the next step, and whether it is a bulk value). */
export interface RawNode {
  eid: string;
  id: string;
  label: string;
  name: string | null;
  kind: string | null;
  risk: number | null;
  community: string | null;
  bulk: boolean;
}

interface RawLink {
  type: string;
  out: boolean;
  bids: number | null;
  lots: number | null;
}

interface RawStep {
  from: string;
  neighbours: { node: RawNode; links: RawLink[] }[];
  hidden: number;
}

/** A node as the viewer gets it (optional fields left out when empty). */
export function nodeOf(
  raw: Omit<RawNode, 'eid' | 'bulk' | 'community'> & { bulk?: boolean; community?: string | null },
): GraphNode {
  return {
    id: raw.id,
    label: raw.label,
    name: raw.name ?? raw.id,
    ...(raw.kind != null ? { kind: raw.kind } : {}),
    ...(raw.risk != null ? { risk: Number(raw.risk) } : {}),
    ...(raw.community != null ? { community: raw.community } : {}),
    ...(raw.bulk ? { bulk: true as const } : {}),
  };
}

function edgeOf(a: string, b: string, link: Pick<RawLink, 'type' | 'bids' | 'lots'>, forward: boolean): GraphEdge {
  let [source, target] = forward ? [a, b] : [b, a];
  if (link.type === 'CO_BID' && source > target) [source, target] = [target, source];
  return {
    id: `${source}|${link.type}|${target}`,
    source,
    target,
    type: link.type,
    ...(link.bids != null ? { bids: Number(link.bids) } : {}),
    ...(link.lots != null ? { lots: Number(link.lots) } : {}),
  };
}

/** Within one step: entities first (riskiest first), then communities and placeholders, then values. */
function rank(node: GraphNode): number {
  if (node.placeholder) return 2;
  if (node.label === 'Organization' || node.label === 'Person' || node.label === 'Expert') return 0;
  return node.label === 'Community' ? 1 : 3;
}

function byPriority(a: GraphNode, b: GraphNode): number {
  return rank(a) - rank(b) || (b.risk ?? 0) - (a.risk ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The graph around entity `id` in the caller's jurisdiction, or null when the entity is unknown or
 * outside it. `depth` steps (1-3) of at most `limit` nodes in all; `cut` counts what was left out.
 * `countBeyond` takes one more step only to count what lies past `depth` (cut.depth) and to add the
 * edges among the last level's nodes: on a 111k-bid graph it costs ~20× the first step (600 ms
 * against 28 ms), so it is asked for, not the default.
 * @example
 * const graph = await entityGraph(deps.graph, caller.scope, 'ORG000160', { depth: 2, limit: 300 });
 */
export async function entityGraph(
  graph: Graph,
  scope: Scope,
  id: string,
  options: { depth: number; limit: number; bulk?: number; countBeyond?: boolean },
): Promise<EntityGraph | null> {
  const [root] = await graph.read('api/entity-graph-root', { id, ...scope });
  if (!root) return null;
  const start = root.node as RawNode;
  const nodes = new Map<string, GraphNode>([[start.id, nodeOf(start)]]);
  const edges = new Map<string, GraphEdge>();
  const keyOfEid = new Map<string, string>([[start.eid, start.id]]);
  const cut = { limit: { nodes: 0, edges: 0 }, depth: { nodes: 0, edges: 0 }, bulk: { values: 0 } };
  let frontier: RawNode[] = [start];

  const steps = options.depth + (options.countBeyond ? 1 : 0);
  for (let step = 1; step <= steps && frontier.length > 0; step += 1) {
    const beyond = step > options.depth;
    const expandable = frontier.filter((n) => !n.bulk);
    cut.bulk.values += frontier.length - expandable.length;
    if (expandable.length === 0) break;
    const rows = (await graph.read('api/entity-graph-expand', {
      ids: expandable.map((n) => n.eid),
      bulk: int(options.bulk ?? BULK_USERS),
      ...scope,
    })) as unknown as RawStep[];

    const fresh = new Map<string, { node: GraphNode; raw?: RawNode }>();
    const pending = new Map<string, GraphEdge>();
    for (const row of rows) {
      const from = keyOfEid.get(row.from);
      if (from === undefined) continue;
      for (const { node, links } of row.neighbours) {
        for (const link of links) {
          const edge = edgeOf(from, node.id, link, link.out);
          pending.set(edge.id, edge);
        }
        if (!nodes.has(node.id) && !fresh.has(node.id)) fresh.set(node.id, { node: nodeOf(node), raw: node });
      }
      const hidden = Number(row.hidden);
      if (hidden > 0 && !beyond) {
        const placeholder: GraphNode = {
          id: `hidden:${from}`,
          label: 'Hidden',
          name: `${hidden} outside your jurisdiction`,
          placeholder: true,
          count: hidden,
        };
        fresh.set(placeholder.id, { node: placeholder });
        const edge = { id: `${from}|HIDDEN|${placeholder.id}`, source: from, target: placeholder.id, type: 'HIDDEN' };
        pending.set(edge.id, edge);
      }
    }

    const candidates = [...fresh.values()].sort((a, b) => byPriority(a.node, b.node));
    const room = beyond ? 0 : Math.max(0, options.limit - nodes.size);
    const taken = candidates.slice(0, room);
    const left = candidates.length - taken.length;
    for (const { node, raw } of taken) {
      nodes.set(node.id, node);
      if (raw) keyOfEid.set(raw.eid, node.id);
    }
    let dropped = 0;
    for (const edge of pending.values()) {
      if (edges.has(edge.id)) continue;
      if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
      else dropped += 1;
    }
    const bucket = beyond ? cut.depth : cut.limit;
    bucket.nodes += left;
    bucket.edges += dropped;
    frontier = taken.flatMap(({ raw }) => (raw ? [raw] : []));
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], cut };
}

interface RawPathNode {
  id: string;
  label: string;
  name: string | null;
  kind: string | null;
  risk: number | null;
  bid: boolean;
  /** Organisations that used a value in in-scope bids (0 for entities): rarer values say more. */
  users?: number;
}

export interface RawPath {
  nodes: RawPathNode[];
  rels: { type: string; forward: boolean }[];
}

/**
 * A path as the viewer shows it: each Bid is replaced by its bidder (the PLACED hop disappears),
 * so organisation→bid→IP→bid→organisation reads organisation –FROM_IP→ IP ←FROM_IP– organisation.
 */
function collapsePath(path: RawPath): PathView {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  path.nodes.forEach((n) => nodes.set(n.id, nodeOf({ ...n, bulk: false })));
  path.rels.forEach((rel, i) => {
    const a = path.nodes[i].id;
    const b = path.nodes[i + 1].id;
    if (a === b) return;
    const edge = edgeOf(a, b, { type: rel.type, bids: null, lots: null }, rel.forward);
    edges.set(edge.id, edge);
  });
  return { nodes: [...nodes.values()], edges: [...edges.values()], length: edges.size };
}

/**
 * The best of the shortest paths the Cypher found: fewest edges once bids are collapsed (at most
 * `max`), then the rarest shared values; or an empty answer when none is short enough.
 */
export function bestPath(paths: RawPath[], max: number): PathView {
  const users = (p: RawPath) => p.nodes.reduce((sum, n) => sum + Number(n.users ?? 0), 0);
  const ranked = paths
    .map((raw) => ({ view: collapsePath(raw), users: users(raw) }))
    .filter(({ view }) => (view.length ?? 0) <= max)
    .sort((a, b) => (a.view.length ?? 0) - (b.view.length ?? 0) || a.users - b.users);
  return ranked[0]?.view ?? { nodes: [], edges: [], length: null };
}
