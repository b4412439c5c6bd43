/**
 * The overview part of the dashboard (GET /stats/overview): the totals, and bar charts of projects
 * and lots by sector, by region and by month (a bar lists the projects it counts), and the active
 * flags per detector on those projects (the early-warning totals).
 */
import { el } from '../dom';
import { money } from '../panels/format';
import { card, type ChartSet, type Drill } from './card';
import type { Counts, Overview } from './types';

const TOTALS: [keyof Counts, string][] = [
  ['projects', 'Projects'],
  ['lots', 'Lots'],
  ['bids', 'Bids'],
  ['awarded_amount', 'Awarded amount'],
  ['single_bid_lots', 'Single-bid lots'],
  ['failed_lots', 'Failed lots'],
  ['retendered_projects', 'Re-tendered projects'],
];
const COLUMNS: (keyof Counts)[] = TOTALS.map(([k]) => k);
const NONE = '(none)';

function totals(o: Overview): HTMLElement {
  return card('Totals', 'totals', () => ({ head: COLUMNS, rows: [COLUMNS.map((k) => o[k])] }), [
    el(
      'dl',
      { class: 'totals' },
      TOTALS.flatMap(([k, label]) => [
        el('dt', { text: label }),
        el('dd', { text: k === 'awarded_amount' ? money(o[k]) : o[k], attrs: { 'data-total': k } }),
      ]),
    ),
  ]);
}

type Dim = 'sector' | 'region' | 'month';

function breakdown<D extends Dim>(
  charts: ChartSet,
  rows: (Counts & { [K in D]: string | null })[],
  dim: D,
  drill: Drill,
): HTMLElement {
  const keys: (string | null)[] = rows.map((r) => r[dim]);
  const click = (index: number) => {
    const key = keys[index];
    if (key !== null) drill.group(dim, key);
  };
  const hint = `Click a bar to list that ${dim}'s projects.`;
  return card(
    `By ${dim}`,
    `by-${dim}`,
    () => ({ head: [dim, ...COLUMNS], rows: rows.map((r, i) => [keys[i], ...COLUMNS.map((k) => r[k])]) }),
    [
      el('p', { class: 'note', text: hint }),
      charts.bar(`by-${dim}`, {
        labels: keys.map((k) => k ?? NONE),
        series: [
          { label: 'Projects', data: rows.map((r) => r.projects) },
          { label: 'Lots', data: rows.map((r) => r.lots) },
        ],
        click,
      }),
    ],
  );
}

function flagsByDetector(o: Overview, charts: ChartSet): HTMLElement {
  const rows = o.flags_by_detector;
  return card(
    'Active flags by detector',
    'flags-by-detector',
    () => ({ head: ['detector', 'flags', 'high'], rows: rows.map((r) => [r.detector, r.flags, r.high]) }),
    [
      rows.length === 0
        ? el('p', { class: 'note', text: 'No active flags on these projects (or nothing scored yet).' })
        : charts.bar(
            'flags-by-detector',
            {
              labels: rows.map((r) => r.detector),
              series: [
                { label: 'Flags', data: rows.map((r) => r.flags) },
                { label: 'High severity', data: rows.map((r) => r.high) },
              ],
              horizontal: true,
            },
            Math.max(160, rows.length * 26),
          ),
    ],
  );
}

export function overviewCards(o: Overview, charts: ChartSet, drill: Drill): HTMLElement[] {
  return [
    totals(o),
    breakdown(charts, o.by_sector, 'sector', drill),
    breakdown(charts, o.by_region, 'region', drill),
    breakdown(charts, o.by_month, 'month', drill),
    flagsByDetector(o, charts),
  ];
}
