/**
 * The price part of the dashboard (GET /stats/prices): winning price ÷ ceiling price quantiles by
 * sector (a bar lists that sector's projects) and the outliers among similar lots, linked to the
 * lot and project views.
 */
import { el } from '../dom';
import { link, money, table } from '../panels/format';
import { card, type ChartSet, type Drill } from './card';
import type { Prices } from './types';

const QUANTILES = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;
const ratio = (x: number | null) => (x === null ? '' : x.toFixed(3));

function bySector(p: Prices, charts: ChartSet, drill: Drill): HTMLElement {
  const rows = p.by_sector;
  return card(
    'Winning price ÷ ceiling by sector',
    'price-ratio-by-sector',
    () => ({
      head: ['sector', 'lots', ...QUANTILES],
      rows: rows.map((r) => [r.sector, r.lots, ...QUANTILES.map((q) => r[q])]),
    }),
    [
      el('p', {
        class: 'note',
        text: `${p.priced_lots} of ${p.lots} lots priced. Click a bar to list that sector's projects.`,
      }),
      charts.bar('price-ratio-by-sector', {
        labels: rows.map((r) => r.sector ?? '(none)'),
        series: QUANTILES.map((q) => ({ label: q, data: rows.map((r) => r[q]) })),
        unit: 'price ÷ ceiling',
        click: (i) => {
          const sector = rows[i]?.sector;
          if (sector) drill.group('sector', sector);
        },
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
  return [bySector(p, charts, drill), outliers(p)];
}
