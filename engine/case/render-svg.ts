/**
 * The case file's drawing as inline SVG, built on the server so that the HTML and the PDF need no
 * script and make no request: node shapes and colours per type and edge colours per category as
 * in the viewer, emphasised what the flag names, a legend of what is drawn, and coordinates from a
 * deterministic layout (same case, same bytes).
 */
import { escapeHtml } from './html';
import { Layout, layeredLayout, ringLayout } from './layout';
import type { CaseModel } from './model';
import { EDGE_CATEGORIES, EDGE_LABELS_ZH, edgeCategory, NODE_LABELS_ZH, nodeStyle, type Shape } from './styles';
import { caseGraph, type CaseGraph, isRing } from './subgraph';

const LEGEND_ROW = 18;
const fmt = (v: number) => String(Math.round(v * 10) / 10);

/** An SVG shape centred on (x, y) with radius r. */
export function shape(kind: Shape, x: number, y: number, r: number, attrs: string): string {
  switch (kind) {
    case 'square':
      return `<rect x="${fmt(x - r)}" y="${fmt(y - r)}" width="${fmt(2 * r)}" height="${fmt(2 * r)}"${attrs}/>`;
    case 'diamond':
      return `<polygon points="${fmt(x)},${fmt(y - r * 1.3)} ${fmt(x + r * 1.3)},${fmt(y)} ${fmt(x)},${fmt(y + r * 1.3)} ${fmt(x - r * 1.3)},${fmt(y)}"${attrs}/>`;
    case 'triangle':
      return `<polygon points="${fmt(x)},${fmt(y - r * 1.3)} ${fmt(x + r * 1.15)},${fmt(y + r * 0.75)} ${fmt(x - r * 1.15)},${fmt(y + r * 0.75)}"${attrs}/>`;
    default:
      return `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(r)}"${attrs}/>`;
  }
}

function legend(graph: CaseGraph, top: number): { svg: string; height: number } {
  const kinds = [...new Set(graph.mapNodes((_, a) => a.kind))].sort();
  const categories = [...new Set(graph.mapEdges((_, a) => edgeCategory(a.type)))].sort();
  const rows: string[] = [];
  let y = top + 14;
  rows.push(`<text x="12" y="${fmt(y)}" class="lg-h">图例 Legend</text>`);
  kinds.forEach((kind) => {
    y += LEGEND_ROW;
    const style = nodeStyle(kind);
    rows.push(shape(style.shape, 22, y - 4, 6, ` fill="${style.color}"`));
    rows.push(`<text x="36" y="${fmt(y)}">${escapeHtml(`${NODE_LABELS_ZH[kind] ?? kind} ${style.label}`)}</text>`);
  });
  const x2 = 300;
  let y2 = top + 14;
  categories.forEach((category) => {
    y2 += LEGEND_ROW;
    const style = EDGE_CATEGORIES[category] ?? EDGE_CATEGORIES.other;
    rows.push(
      `<line x1="${x2}" y1="${fmt(y2 - 4)}" x2="${x2 + 22}" y2="${fmt(y2 - 4)}" stroke="${style.color}" stroke-width="2.5"/>`,
    );
    rows.push(
      `<text x="${x2 + 30}" y="${fmt(y2)}">${escapeHtml(`${EDGE_LABELS_ZH[category] ?? category} ${style.label}`)}</text>`,
    );
  });
  y2 += LEGEND_ROW;
  rows.push(
    `<text x="${x2}" y="${fmt(y2)}" class="lg-n">${escapeHtml('粗线、黑框：案件所指 Bold line, dark outline: named by the finding')}</text>`,
  );
  return { svg: `<g class="legend">${rows.join('')}</g>`, height: Math.max(y, y2) - top + 12 };
}

/**
 * The SVG of a case graph with a given layout (pure: same graph and layout, same text).
 * @example svgOf(caseGraph(model), layeredLayout(caseGraph(model)), 'Flag F-1')
 */
export function svgOf(graph: CaseGraph, layout: Layout, title: string): string {
  const parts: string[] = [];
  const width = Math.max(layout.width, 620);
  // A narrow drawing is centred above the legend.
  const dx = (width - layout.width) / 2;
  const at = (node: string) => {
    const p = layout.positions.get(node);
    return p ? { x: p.x + dx, y: p.y } : undefined;
  };
  // Keys in sorted order: the drawing does not depend on the order the graph was built in.
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const edge of graph.edges().sort(byKey)) {
    const a = graph.getEdgeAttributes(edge);
    const source = graph.source(edge);
    const target = graph.target(edge);
    const s = at(source);
    const t = at(target);
    if (!s || !t) continue;
    const color = (EDGE_CATEGORIES[edgeCategory(a.type)] ?? EDGE_CATEGORIES.other).color;
    const width = a.emphasis ? 2.6 : 1.2;
    parts.push(
      `<line x1="${fmt(s.x)}" y1="${fmt(s.y)}" x2="${fmt(t.x)}" y2="${fmt(t.y)}" stroke="${color}" stroke-width="${width}"${a.emphasis ? '' : ' stroke-opacity="0.75"'}><title>${escapeHtml(`${source} ${a.type} ${target}`)}</title></line>`,
    );
    if (a.label) {
      parts.push(
        `<text x="${fmt((s.x + t.x) / 2)}" y="${fmt((s.y + t.y) / 2 - 3)}" class="el">${escapeHtml(a.label)}</text>`,
      );
    }
  }
  for (const node of graph.nodes().sort(byKey)) {
    const a = graph.getNodeAttributes(node);
    const p = at(node);
    if (!p) continue;
    const style = nodeStyle(a.kind);
    const r = style.size + (a.emphasis ? 2 : 0);
    const stroke = a.emphasis ? ' stroke="#111" stroke-width="2"' : ' stroke="#fff" stroke-width="1"';
    parts.push(`<g class="node">${shape(style.shape, p.x, p.y, r, ` fill="${style.color}"${stroke}`)}`);
    parts.push(`<text x="${fmt(p.x)}" y="${fmt(p.y + r + 12)}" class="nl">${escapeHtml(a.label)}</text>`);
    parts.push(`<title>${escapeHtml(`${node} — ${a.label}`)}</title></g>`);
  }
  const key = legend(graph, layout.height);
  const height = layout.height + key.height;
  return (
    `<svg class="graph" viewBox="0 0 ${fmt(width)} ${fmt(height)}" width="${fmt(width)}" height="${fmt(height)}" role="img" aria-label="${escapeHtml(title)}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<style>text{font-size:11px;fill:#222}.nl{text-anchor:middle}.el{text-anchor:middle;font-size:9px;fill:#555}.lg-h{font-weight:bold}.lg-n{font-size:10px;fill:#555}</style>` +
    `<rect x="0" y="0" width="${fmt(width)}" height="${fmt(height)}" fill="#fff"/>` +
    parts.join('') +
    key.svg +
    `</svg>`
  );
}

/** The drawing of a case: its graph, laid out (ring or layers), as SVG. */
export function caseSvg(model: CaseModel): string {
  const graph = caseGraph(model);
  const layout = isRing(model) ? ringLayout(graph) : layeredLayout(graph);
  const what = model.subject.kind === 'flag' ? '线索 Flag' : '社群 Community';
  return svgOf(graph, layout, `${what} ${model.subject.id}: 关系图 subgraph`);
}
