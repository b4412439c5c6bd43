/**
 * The time bar: two sliders over the distinct bid dates of the edges on screen. Edges dated
 * outside the range are hidden, and so are nodes all of whose dated edges are (undated edges,
 * such as ownership, always show).
 */
import { el, fill } from '../dom';
import type { GraphView } from './graph-view';
import { inTimeRange, type ViewState } from './view-state';

export class TimeBar {
  private days: string[] = [];
  private readonly from = el('input', {
    attrs: { type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'from' },
  });
  private readonly to = el('input', { attrs: { type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'to' } });
  private readonly label = el('span', { class: 'time-label' });

  constructor(
    private readonly root: HTMLElement,
    private readonly view: GraphView,
  ) {
    fill(root, el('span', { text: 'Bid dates' }), this.from, this.to, this.label);
    for (const input of [this.from, this.to]) input.addEventListener('input', () => this.apply());
  }

  /** Re-reads the dates after the graph changed; the range opens fully. */
  rebuild(): void {
    const dates = new Set<string>();
    this.view.graph.forEachEdge((_e, attrs) => {
      if (attrs.date) dates.add(attrs.date.slice(0, 10));
    });
    this.days = [...dates].sort();
    const max = String(Math.max(0, this.days.length - 1));
    for (const input of [this.from, this.to]) input.max = max;
    this.from.value = '0';
    this.to.value = max;
    this.root.hidden = this.days.length < 2;
    this.apply();
  }

  private apply(): void {
    if (this.days.length < 2) {
      this.label.textContent = '';
      this.view.update((s) => ({ ...s, timeRange: null, timeHiddenNodes: new Set() }));
      return;
    }
    const [a, b] = [Number(this.from.value), Number(this.to.value)].sort((x, y) => x - y);
    const range: [string, string] = [this.days[a], this.days[b]];
    this.label.textContent = `${range[0]} – ${range[1]}`;
    const full = a === 0 && b === this.days.length - 1;
    this.view.update((s) => {
      const next: ViewState = { ...s, timeRange: full ? null : range };
      return { ...next, timeHiddenNodes: hiddenByTime(this.view, next) };
    });
  }
}

function hiddenByTime(view: GraphView, state: ViewState): Set<string> {
  const hidden = new Set<string>();
  if (!state.timeRange) return hidden;
  const graph = view.graph;
  graph.forEachNode((node) => {
    let dated = 0;
    let shown = 0;
    graph.forEachEdge(node, (_e, attrs) => {
      if (!attrs.date) shown++;
      else {
        dated++;
        if (inTimeRange(state, attrs.date)) shown++;
      }
    });
    if (dated > 0 && shown === 0) hidden.add(node);
  });
  return hidden;
}
