/**
 * Hover, selection, shortest path and time filter as sigma reducers: the data stays as it is,
 * only what is drawn changes (sigma storybook "use-reducers").
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './model';
import { inTimeRange, type ViewState } from './view-state';

const FADED = '#e4e6e8';
/** Above this many edges, edges are drawn as plain lines (no arrows, no curves): see bench/render.ts. */
export const LARGE_GRAPH_EDGES = 5000;

export function nodeReducer(graph: ViewGraph, state: () => ViewState) {
  return (node: string, attrs: NodeAttrs): Partial<NodeDisplayData> & Partial<NodeAttrs> => {
    const s = state();
    const out: Partial<NodeDisplayData> & Partial<NodeAttrs> = { ...attrs };
    if (s.timeHiddenNodes.has(node)) out.hidden = true;
    const focus = s.hovered ?? (s.selected.length === 1 ? s.selected[0] : null);
    if (s.pathNodes.size > 0) {
      if (s.pathNodes.has(node)) out.forceLabel = true;
      else Object.assign(out, { color: FADED, ringColor: FADED, label: null });
    } else if (focus && focus !== node && !graph.areNeighbors(focus, node)) {
      Object.assign(out, { color: FADED, ringColor: FADED, label: null });
    }
    if (s.selected.includes(node)) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
    if (s.hovered === node) out.zIndex = 3;
    return out;
  };
}

export function edgeReducer(graph: ViewGraph, state: () => ViewState) {
  return (edge: string, attrs: EdgeAttrs): Partial<EdgeDisplayData> & Omit<Partial<EdgeAttrs>, 'type' | 'label'> => {
    const s = state();
    const out: Partial<EdgeDisplayData> & Omit<Partial<EdgeAttrs>, 'type' | 'label'> = { ...attrs };
    if (!inTimeRange(s, attrs.date)) out.hidden = true;
    if (graph.size > LARGE_GRAPH_EDGES) out.type = 'line';
    const labelled = s.pathEdges.has(edge) || (s.hovered !== null && graph.hasExtremity(edge, s.hovered));
    if (!labelled) out.label = null;
    const focus = s.hovered ?? (s.selected.length === 1 ? s.selected[0] : null);
    if (s.pathEdges.size > 0) {
      if (s.pathEdges.has(edge)) Object.assign(out, { size: 4, zIndex: 2 });
      else out.color = FADED;
    } else if (focus && !graph.hasExtremity(edge, focus)) {
      out.color = FADED;
    } else if (focus) {
      out.size = (attrs.size ?? 1) + 1;
    }
    return out;
  };
}
