/** The legend, drawn from the style tables: node types (shape and colour), edge categories, risk ring. */
import { el, fill } from '../dom';
import { EDGE_CATEGORIES, NODE_STYLES } from './styles';

export function renderLegend(root: HTMLElement): void {
  const nodes = Object.entries(NODE_STYLES).map(([kind, style]) =>
    el('li', { attrs: { 'data-kind': kind } }, [
      el('span', { class: `glyph ${style.shape}`, vars: { '--c': style.color } }),
      style.label,
    ]),
  );
  const edges = Object.entries(EDGE_CATEGORIES).map(([category, style]) =>
    el('li', { attrs: { 'data-category': category } }, [
      el('span', { class: 'line', vars: { '--c': style.color } }),
      style.label,
    ]),
  );
  fill(
    root,
    el('h3', { text: 'Nodes' }),
    el('ul', {}, nodes),
    el('h3', { text: 'Edges' }),
    el('ul', {}, edges),
    el('p', {
      class: 'note',
      text: 'Size and ring: risk (yellow → orange → red). Organisation colour: its community. Click: select; shift-click: second end of a path; double-click: expand.',
    }),
  );
}
