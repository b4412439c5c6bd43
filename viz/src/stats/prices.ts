/**
 * The price part of the dashboard (GET /stats/prices): winning price ÷ ceiling price quantiles by
 * sector and by region (a bar lists that group's projects), bidders per lot, and the outliers
 * among similar lots, linked to the lot and project views.
 */
import { el } from '../dom';
import { link, money, table } from '../panels/format';
import { card, type ChartSet, type Drill } from './card';
import type { Prices, Quantiles } from './types';

const QUANTILES = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;
const ratio = (x: number | null) => (x === null ? '' : x.toFixed(3));

/** Quantiles of price ÷ ceiling per sector or region; a bar lists that group's projects. */
function ratioBy<D extends 'sector' | 'region'>(
  p: Prices,
  dim: D,
  rows: (Quantiles & { [K in D]: string | null })[],
  charts: ChartSet,
  drill: Drill,
): HTMLElement {
  const name = `price-ratio-by-${dim}`;
  return card(
    `Winning price ÷ ceiling by ${dim}`,
    name,
    () => ({
      head: [dim, 'lots', ...QUANTILES],
      rows: rows.map((r) => [r[dim], r.lots, ...QUANTILES.map((q) => r[q])]),
    }),
    [
      el('p', {
        class: 'note',
        text: `${p.priced_lots} of ${p.lots} lots priced. Click a bar to list that ${dim}'s projects.`,
      }),
      charts.bar(name, {
        labels: rows.map((r) => r[dim] ?? '(none)'),
        series: QUANTILES.map((q) => ({ label: q, data: rows.map((r) => r[q]) })),
        unit: 'price ÷ ceiling',
        click: (i) => {
          const value = rows[i]?.[dim];
          if (value) drill.group(dim, value);
        },
      }),
    ],
  );
}

/** How many organisations bid per lot: a histogram, with the quantiles in the note. */
function bidders(p: Prices, charts: ChartSet): HTMLElement {
  const { histogram, quantiles: q } = p.bidders_per_lot;
  return card(
    'Bidders per lot',
    'bidders-per-lot',
    () => ({ head: ['bidders', 'lots'], rows: histogram.map((h) => [h.bidders, h.lots]) }),
    [
      el('p', {
        class: 'note',
        text: q
          ? `${q.lots} lots: mean ${q.mean?.toFixed(2) ?? ''}, median ${q.p50 ?? ''}, p10–p90 ${q.p10 ?? ''}–${q.p90 ?? ''} bidders.`
          : 'No lots in this selection.',
      }),
      charts.bar('bidders-per-lot', {
        labels: histogram.map((h) => String(h.bidders)),
        series: [{ label: 'Lots', data: histogram.map((h) => h.lots) }],
        unit: 'lots',
      }),
    ],
  );
}

function outliers(p: Prices): HTMLElement {
  const rows = p.similar_lots.outliers;
  const head = [
    'lot',
    'project',
    'sector',
    'band',
    'ceiling',
    'price',
    'ratio',
    'group_p10',
    'group_median',
    'group_p90',
  ];
  return card(
    'Price outliers among similar lots',
    'price-outliers',
    () => ({
      head,
      rows: rows.map((o) => [
        o.lot,
        o.project,
        o.sector,
        o.band,
        o.ceiling,
        o.price,
        o.ratio,
        o.group_p10,
        o.group_median,
        o.group_p90,
      ]),
    }),
    [
      rows.length === 0
        ? el('p', {
            class: 'note',
            text: 'No outliers (groups need enough priced lots of the same sector and ceiling band).',
          })
        : table(
            ['Lot', 'Project', 'Sector', 'Band', 'Ceiling', 'Price', 'Ratio', 'Group p10–p90'],
            rows.map((o) => [
              link({ view: 'lot', id: o.lot }, o.lot),
              link({ view: 'project', id: o.project }, o.project),
              o.sector ?? '',
              o.band,
              money(o.ceiling),
              money(o.price),
              ratio(o.ratio),
              `${ratio(o.group_p10)}–${ratio(o.group_p90)} (median ${ratio(o.group_median)})`,
            ]),
          ),
    ],
  );
}

export function priceCards(p: Prices, charts: ChartSet, drill: Drill): HTMLElement[] {
  return [
    ratioBy(p, 'sector', p.by_sector, charts, drill),
    ratioBy(p, 'region', p.by_region, charts, drill),
    bidders(p, charts),
    outliers(p),
  ];
}
