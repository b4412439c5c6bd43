/**
 * Export of what is on screen (nodes and edges not hidden by the time bar): PNG (sigma's layered
 * canvases composited on white), GEXF (graphology-gexf) and CSV (one file of nodes, one of edges).
 */
import { write as writeGexf } from 'graphology-gexf/browser';
import { createGraph, type ViewGraph } from './model';
import type { GraphView } from './graph-view';
import { inTimeRange } from './view-state';

/** Offers a blob for download under a file name. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The visible part of the graph, with plain attributes only. */
export function visibleGraph(view: GraphView): ViewGraph {
  const out = createGraph();
  const state = view.view;
  view.graph.forEachNode((node, attrs) => {
    if (!state.timeHiddenNodes.has(node)) out.addNode(node, { ...attrs });
  });
  view.graph.forEachEdge((edge, attrs, source, target) => {
    if (out.hasNode(source) && out.hasNode(target) && inTimeRange(state, attrs.date)) {
      out.addDirectedEdgeWithKey(edge, source, target, { ...attrs });
    }
  });
  return out;
}

/** Composites sigma's canvases (edges, nodes, labels…) right after a synchronous render. */
export async function exportPng(view: GraphView, name = 'graph.png'): Promise<Blob> {
  const sigma = view.sigma;
  sigma.refresh();
  const canvases = Object.values(sigma.getCanvases());
  const { width, height } = canvases[0];
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('viz: no 2D canvas for the PNG export');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  for (const canvas of canvases) ctx.drawImage(canvas, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('viz: the PNG export produced no image');
  download(blob, name);
  return blob;
}

export function exportGexf(view: GraphView, name = 'graph.gexf'): string {
  const graph = visibleGraph(view);
  const xml = writeGexf(graph, {
    formatNode: (_key, a) => ({
      label: a.label,
      attributes: { kind: a.kind, type: a.apiLabel, risk: a.risk ?? '', community: a.community ?? '' },
      viz: { color: a.baseColor, size: a.size, x: a.x, y: a.y },
    }),
    formatEdge: (_key, a) => ({
      label: a.rel,
      attributes: { type: a.rel, category: a.category, date: a.date ?? '' },
      viz: { color: a.color, thickness: a.size },
    }),
  });
  download(new Blob([xml], { type: 'application/gexf+xml' }), name);
  return xml;
}

/** A CSV field: quoted, and a leading = + - @ defused so spreadsheets do not run it as a formula. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function exportCsv(view: GraphView, prefix = 'graph'): { nodes: string; edges: string } {
  const graph = visibleGraph(view);
  const nodeRows = [['id', 'label', 'type', 'kind', 'risk', 'community', 'x', 'y'].join(',')];
  graph.forEachNode((node, a) => {
    nodeRows.push([node, a.label, a.apiLabel, a.kind, a.risk, a.community, a.x, a.y].map(csvField).join(','));
  });
  const edgeRows = [['id', 'source', 'target', 'type', 'category', 'date'].join(',')];
  graph.forEachEdge((edge, a, source, target) => {
    edgeRows.push([edge, source, target, a.rel, a.category, a.date].map(csvField).join(','));
  });
  const nodes = `${nodeRows.join('\r\n')}\r\n`;
  const edges = `${edgeRows.join('\r\n')}\r\n`;
  download(new Blob([nodes], { type: 'text/csv' }), `${prefix}-nodes.csv`);
  download(new Blob([edges], { type: 'text/csv' }), `${prefix}-edges.csv`);
  return { nodes, edges };
}
