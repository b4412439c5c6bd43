/**
 * The graphology graph behind the view (the single source of truth): API nodes and edges merged
 * in with their visual attributes, new nodes placed near the node they came from, and parallel
 * edges given curvatures for @sigma/edge-curve.
 */
import Graph from 'graphology';
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from '@sigma/edge-curve';
import type { GraphAnswer, GraphEdge, GraphNode } from '../types';
import { communityColor, edgeCategory, EDGE_CATEGORIES, nodeStyle, riskRing, riskSize, SHAPES } from './styles';

export interface NodeAttrs {
  label: string;
  kind: string;
  apiLabel: string;
  risk: number | null;
  community: string | null;
  placeholder: boolean;
  count: number | null;
  x: number;
  y: number;
  size: number;
  color: string;
  baseColor: string;
  shape: number;
  ringColor: string;
  ringWidth: number;
  expanded?: boolean;
  /** The node limit of its last expansion. */
  expandedLimit?: number;
}

export interface EdgeAttrs {
  rel: string;
  category: string;
  color: string;
  size: number;
  date?: string;
  label?: string;
  type: 'straight' | 'curved';
  curvature: number;
  parallelIndex?: number | null;
  parallelMaxIndex?: number | null;
}

export type ViewGraph = Graph<NodeAttrs, EdgeAttrs>;

export function createGraph(): ViewGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: 'directed', allowSelfLoops: false });
}

/** The viewer's kind of an API node: its label lower-cased when known, else a shared value. */
export function kindOf(node: Pick<GraphNode, 'label' | 'placeholder'>): string {
  if (node.placeholder) return 'more';
  const label = String(node.label ?? '').toLowerCase();
  return ['organization', 'person', 'expert', 'project', 'lot', 'community'].includes(label) ? label : 'value';
}

/** Adds or updates a node; a new node is placed around `near` (or at random). */
export function upsertNode(graph: ViewGraph, node: GraphNode, near?: { x: number; y: number }): boolean {
  const known = graph.hasNode(node.id) ? graph.getNodeAttributes(node.id) : null;
  const kind = kindOf(node);
  const style = nodeStyle(kind);
  const risk = typeof node.risk === 'number' ? node.risk : (known?.risk ?? null);
  const community = node.community ? String(node.community) : (known?.community ?? null);
  const named = node.name !== undefined && node.name !== null && node.name !== node.id;
  const name = named ? String(node.name) : (known?.label ?? String(node.name ?? node.id));
  const color = community && kind === 'organization' ? communityColor(community) : style.color;
  const attrs = {
    label: name,
    kind,
    apiLabel: String(node.label ?? ''),
    risk,
    community,
    placeholder: node.placeholder === true,
    count: typeof node.count === 'number' ? node.count : null,
    size: riskSize(style.size, risk),
    color,
    baseColor: color,
    shape: SHAPES[style.shape],
    ...riskRing(risk),
  };
  if (known) {
    graph.mergeNodeAttributes(node.id, attrs);
    return false;
  }
  const angle = Math.random() * 2 * Math.PI;
  const radius = near ? 1 + Math.random() * 2 : 10 * Math.random();
  graph.addNode(node.id, {
    ...attrs,
    x: (near?.x ?? 0) + radius * Math.cos(angle),
    y: (near?.y ?? 0) + radius * Math.sin(angle),
  });
  return true;
}

/** Adds an edge unless one of the same type already joins the same ends. */
export function upsertEdge(graph: ViewGraph, edge: GraphEdge): void {
  if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || edge.source === edge.target) return;
  if (graph.hasEdge(edge.id)) return;
  const twin = graph.edges(edge.source, edge.target).find((e) => graph.getEdgeAttribute(e, 'rel') === edge.type);
  if (twin) return;
  const category = edgeCategory(edge.type);
  graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
    rel: edge.type,
    category,
    color: EDGE_CATEGORIES[category].color,
    size: category === 'bid' ? 1 : 2,
    ...(typeof edge.date === 'string' ? { date: edge.date } : {}),
    label: typeof edge.label === 'string' ? edge.label : edge.type.toLowerCase().replace(/_/g, ' '),
    type: 'straight',
    curvature: 0,
  });
}

/** Merges an API graph answer; returns the ids of the nodes it added. */
export function mergeAnswer(graph: ViewGraph, answer: GraphAnswer, near?: { x: number; y: number }): string[] {
  const added = answer.nodes.filter((node) => upsertNode(graph, node, near)).map((node) => node.id);
  for (const edge of answer.edges) upsertEdge(graph, edge);
  curveParallelEdges(graph);
  return added;
}

function curvature(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -curvature(-index, -maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

/** Parallel edges (same two ends, either way) are drawn curved, fanned out; single edges straight. */
export function curveParallelEdges(graph: ViewGraph): void {
  indexParallelEdgesIndex(graph, { edgeIndexAttribute: 'parallelIndex', edgeMaxIndexAttribute: 'parallelMaxIndex' });
  graph.forEachEdge((edge, attrs) => {
    const index = attrs.parallelIndex;
    const max = attrs.parallelMaxIndex;
    if (typeof index === 'number' && typeof max === 'number' && max !== 0) {
      graph.mergeEdgeAttributes(edge, { type: 'curved', curvature: curvature(index, max) });
    } else {
      graph.mergeEdgeAttributes(edge, { type: 'straight', curvature: 0 });
    }
  });
}
