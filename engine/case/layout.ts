/**
 * Deterministic layouts for the case file's drawing: the same graph always gets the same
 * coordinates, so the same case gives a byte-identical SVG (a force layout would need a seed and a
 * fixed iteration count, and would still move with floating-point details). Layered: one column per
 * node layer, nodes ordered in their column by a fixed number of barycentre sweeps, ties broken by
 * id. Ring: the hub in the centre, the others on a circle in id order.
 */
import type { CaseGraph } from './subgraph';

export interface Point {
  x: number;
  y: number;
}

export interface Layout {
  positions: Map<string, Point>;
  width: number;
  height: number;
}

export const COLUMN_WIDTH = 190;
export const ROW_HEIGHT = 46;
const MARGIN = 60;
/** Room left and right of the outer columns for their centred labels. */
const SIDE = 100;
const SWEEPS = 4;

const round = (v: number) => Math.round(v * 10) / 10;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Columns by layer, each ordered by the mean position of its neighbours in the columns beside it. */
export function layeredLayout(graph: CaseGraph): Layout {
  const layers = new Map<number, string[]>();
  graph.forEachNode((node, attrs) => {
    const list = layers.get(attrs.layer) ?? [];
    list.push(node);
    layers.set(attrs.layer, list);
  });
  const columns = [...layers.keys()].sort((a, b) => a - b).map((layer) => (layers.get(layer) ?? []).sort(byId));
  const rank = new Map<string, number>();
  const reindex = () =>
    columns.forEach((col) => col.forEach((node, i) => rank.set(node, i / Math.max(1, col.length - 1))));
  reindex();
  const barycentre = (node: string, fallback: number) => {
    const neighbours = graph.neighbors(node).filter((n) => rank.has(n));
    if (neighbours.length === 0) return fallback;
    return neighbours.reduce((sum, n) => sum + (rank.get(n) ?? 0), 0) / neighbours.length;
  };
  for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
    const order = sweep % 2 === 0 ? columns : [...columns].reverse();
    for (const col of order) {
      const keyed = col.map((node, i) => ({ node, key: barycentre(node, i / Math.max(1, col.length - 1)) }));
      keyed.sort((a, b) => a.key - b.key || byId(a.node, b.node));
      col.splice(0, col.length, ...keyed.map((k) => k.node));
      reindex();
    }
  }
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const height = MARGIN * 2 + (tallest - 1) * ROW_HEIGHT;
  const width = SIDE * 2 + Math.max(0, columns.length - 1) * COLUMN_WIDTH;
  const positions = new Map<string, Point>();
  columns.forEach((col, c) => {
    const top = (height - (col.length - 1) * ROW_HEIGHT) / 2;
    col.forEach((node, i) =>
      positions.set(node, { x: round(SIDE + c * COLUMN_WIDTH), y: round(top + i * ROW_HEIGHT) }),
    );
  });
  return { positions, width: Math.max(width, 360), height: Math.max(height, 160) };
}

/** The hub (layer 0) in the centre, every other node on a circle from the top, clockwise, in id order. */
export function ringLayout(graph: CaseGraph): Layout {
  const hub = graph.filterNodes((_, a) => a.layer === 0).sort(byId);
  const others = graph.filterNodes((_, a) => a.layer !== 0).sort(byId);
  const radius = Math.max(150, (others.length * 100) / (2 * Math.PI));
  const size = 2 * (radius + SIDE);
  const centre = size / 2;
  const positions = new Map<string, Point>();
  hub.forEach((node, i) => positions.set(node, { x: round(centre), y: round(centre + i * ROW_HEIGHT) }));
  others.forEach((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, others.length);
    positions.set(node, { x: round(centre + radius * Math.cos(angle)), y: round(centre + radius * Math.sin(angle)) });
  });
  return { positions, width: round(size), height: round(size) };
}
