/**
 * Exploration actions on the graph: expand a node through GET /entities/:id/graph (server-capped;
 * what the cap left out becomes an "N more" node that expands further when clicked), and the
 * shortest connection between the two selected entities through GET /paths.
 */
import type { ApiClient } from './api-client';
import type { GraphView } from './graph/graph-view';
import { mergeAnswer, upsertEdge, upsertNode } from './graph/model';
import { showPath } from './graph/view-state';

/** Nodes per expansion; an "N more" node doubles it. */
export const EXPAND_LIMIT = 40;
const ENTITY_KINDS = new Set(['organization', 'person', 'expert']);

export function canExpand(view: GraphView, node: string): boolean {
  const kind = view.graph.getNodeAttribute(node, 'kind');
  return ENTITY_KINDS.has(kind) || (kind === 'more' && node.startsWith('more:'));
}

/** Expands a node; returns how many nodes were added. */
export async function expandNode(view: GraphView, api: ApiClient, node: string, limit = EXPAND_LIMIT): Promise<number> {
  const graph = view.graph;
  if (node.startsWith('more:')) {
    const parent = node.slice('more:'.length);
    const next =
      (graph.getNodeAttribute(node, 'count') ?? 0) + (graph.getNodeAttribute(parent, 'expandedLimit') ?? limit);
    graph.dropNode(node);
    return expandNode(view, api, parent, Math.min(2000, Math.max(next, limit * 2)));
  }
  const at = graph.getNodeAttributes(node);
  const answer = await api.entityGraph(node, { depth: 1, limit });
  const added = mergeAnswer(graph, answer, { x: at.x, y: at.y });
  graph.mergeNodeAttributes(node, { expanded: true, expandedLimit: limit });
  const cut = (answer.cut as { limit?: { nodes?: number } } | undefined)?.limit?.nodes ?? 0;
  const more = `more:${node}`;
  if (graph.hasNode(more)) graph.dropNode(more);
  if (cut > 0) {
    upsertNode(graph, { id: more, label: 'More', name: `${cut} more`, placeholder: true, count: cut }, at);
    upsertEdge(graph, { id: `${node}|MORE|${more}`, source: node, target: more, type: 'MORE' });
  }
  return added.length;
}

/** Draws and highlights the shortest connection between two entities; returns its length or null. */
export async function findPath(view: GraphView, api: ApiClient, from: string, to: string): Promise<number | null> {
  const answer = await api.paths(from, to);
  if (answer.nodes.length === 0) {
    view.update(showPath([], []));
    return null;
  }
  const near = view.graph.hasNode(from) ? view.graph.getNodeAttributes(from) : undefined;
  mergeAnswer(view.graph, answer, near);
  const edges = answer.edges.flatMap((e) => {
    const direct = view.graph.hasEdge(e.id) ? [e.id] : [];
    return direct.length > 0
      ? direct
      : [...view.graph.edges(e.source, e.target), ...view.graph.edges(e.target, e.source)];
  });
  view.update(
    showPath(
      answer.nodes.map((n) => n.id),
      edges,
    ),
  );
  return answer.length;
}
