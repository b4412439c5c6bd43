/** Formatting shared by the panels: numbers, dates, values of unknown shape (as text), links. */
import { el } from '../dom';
import { linkTo, type Route } from '../router';

export function money(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString('en', { maximumFractionDigits: 2 }) : '';
}

export function day(value: unknown): string {
  return typeof value === 'string' ? value.replace('T', ' ').slice(0, 19) : '';
}

/** Any value as one line of text (objects as compact JSON). */
export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function link(route: Route, label: string): HTMLAnchorElement {
  return el('a', { text: label, attrs: { href: linkTo(route) } });
}

/** A table from rows of cells (strings become text; nodes are placed as they are). */
export function table(head: string[], rows: (string | Node)[][]): HTMLTableElement {
  return el('table', {}, [
    el('thead', {}, [
      el(
        'tr',
        {},
        head.map((h) => el('th', { text: h })),
      ),
    ]),
    el(
      'tbody',
      {},
      rows.map((row) =>
        el(
          'tr',
          {},
          row.map((cell) => el('td', {}, [cell])),
        ),
      ),
    ),
  ]);
}

/** A definition list of label → value pairs (empty values left out). */
export function facts(pairs: [string, unknown][]): HTMLDListElement {
  const items = pairs.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return el(
    'dl',
    {},
    items.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', {}, [v instanceof Node ? v : text(v)])]),
  );
}
