/**
 * The "Statistics" view (`#stats`): filters, then the overview, price and process cards, each with
 * its CSV. A sector, region or month bar lists the projects it counts above the cards (matches.ts).
 */
import type { ApiClient } from '../api-client';
import { el, fill } from '../dom';
import { ChartSet, type Drill, type GroupKind } from './card';
import { StatsFilterForm } from './filters';
import { matchesCard, matchingProjects } from './matches';
import { overviewCards } from './overview';
import { priceCards } from './prices';
import { processCards } from './process';
import type { Outlier, StatsFilters } from './types';

/** Runs a load with the viewer's status line and busy count. */
export type Runner = <T>(what: string, work: () => Promise<T>) => Promise<T | undefined>;

export class Dashboard {
  private readonly filters = new StatsFilterForm(() => void this.run('Loading statistics', () => this.load()));
  private readonly matches = el('div', { class: 'stats-matches-slot' });
  private readonly cards = el('div', { class: 'stat-cards' });
  private readonly summary = el('p', { class: 'note' });
  private charts = new ChartSet();
  private outliers: Outlier[] = [];
  private shown: StatsFilters = {};

  private readonly drill: Drill = {
    group: (kind, value) => void this.run(`Listing projects of ${kind} ${value}`, () => this.listGroup(kind, value)),
  };

  constructor(
    root: HTMLElement,
    private readonly api: () => ApiClient,
    private readonly run: Runner,
  ) {
    fill(root, el('h2', { text: 'Statistics' }), this.filters.form, this.summary, this.matches, this.cards);
  }

  /** Reads the three stats answers for the current filters and redraws every card. */
  async load(): Promise<void> {
    const filters = this.filters.value;
    const [overview, prices, process] = await Promise.all([
      this.api().statsOverview(filters),
      this.api().statsPrices(filters),
      this.api().statsProcess(filters),
    ]);
    this.charts.destroy();
    this.charts = new ChartSet();
    this.outliers = prices.similar_lots.outliers;
    this.shown = filters;
    const scope = Object.entries(filters).filter(([, v]) => v);
    this.summary.textContent = scope.length
      ? `Filtered by ${scope.map(([k, v]) => `${k} ${v}`).join(', ')}`
      : 'All of your jurisdiction';
    fill(this.matches);
    fill(
      this.cards,
      ...overviewCards(overview, this.charts, this.drill),
      ...priceCards(prices, this.charts, this.drill),
      ...processCards(process, this.charts),
    );
    this.charts.draw();
  }

  private async listGroup(kind: GroupKind, value: string): Promise<void> {
    const rows = await matchingProjects(this.api(), kind, value, this.shown, this.outliers);
    fill(
      this.matches,
      matchesCard(kind, value, rows, () => fill(this.matches)),
    );
    this.matches.scrollIntoView({ block: 'nearest' });
  }

  /** Redraws the charts at their holders' size (after the view is shown again). */
  resize(): void {
    for (const chart of this.charts.charts.values()) chart.resize();
  }

  /** For the browser tests: the centre of a bar, in CSS pixels from the canvas's top left. */
  barPoint(chart: string, index: number, dataset = 0): { x: number; y: number } | null {
    const bar = this.charts.charts.get(chart)?.getDatasetMeta(dataset).data[index];
    if (!bar) return null;
    const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
    return { x, y: (y + base) / 2 };
  }
}
