/**
 * A dashboard card: a title, a "CSV" button that downloads exactly the data the card shows, and
 * the card's body (a chart or a table). Charts are queued and drawn once the card is on the page,
 * because chart.js sizes a canvas from its parent.
 */
import type { Chart } from 'chart.js';
import { el } from '../dom';
import { barChart, type BarOptions } from './bar-chart';
import { downloadCsv, type Cell } from './csv';

export interface CsvData {
  head: string[];
  rows: Cell[][];
}

/** Collects the charts of one rendering of the dashboard. */
export class ChartSet {
  readonly charts = new Map<string, Chart<'bar'>>();
  private queue: (() => void)[] = [];

  /** A canvas holder whose chart is drawn by draw(). */
  bar(name: string, options: BarOptions, height = 220): HTMLElement {
    const canvas = el('canvas', { attrs: { 'data-chart': name, role: 'img', 'aria-label': name } });
    const holder = el('div', { class: 'chart', vars: { '--h': `${height}px` } }, [canvas]);
    this.queue.push(() => this.charts.set(name, barChart(canvas, options)));
    return holder;
  }

  draw(): void {
    for (const create of this.queue.splice(0)) create();
  }

  destroy(): void {
    for (const chart of this.charts.values()) chart.destroy();
    this.charts.clear();
    this.queue = [];
  }
}

/** A titled card; `csv` names the download (`<name>.csv`) and gives its rows when clicked. */
export function card(title: string, name: string, csv: () => CsvData, body: (Node | null)[]): HTMLElement {
  const button = el('button', {
    text: 'CSV',
    class: 'csv',
    attrs: { type: 'button', 'data-csv': name, title: `Download ${name}.csv` },
    on: {
      click: () => {
        const { head, rows } = csv();
        downloadCsv(`${name}.csv`, head, rows);
      },
    },
  });
  return el('section', { class: 'stat-card', attrs: { 'data-card': name } }, [
    el('div', { class: 'card-head' }, [el('h3', { text: title }), button]),
    ...body,
  ]);
}

/** A dimension a bar can stand for. */
export type GroupKind = 'sector' | 'region' | 'month';

/** What a click on a bar does (see dashboard.ts). */
export interface Drill {
  /** Lists the projects of a sector, a region or a month (announced in it). */
  group(kind: GroupKind, value: string): void;
}
