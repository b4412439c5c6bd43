/**
 * What a bar opens: the projects it counts (GET /projects with the dashboard's filters narrowed
 * to the bar's sector, region or month, up to MAX_ITEMS), each with its active flags and
 * risk, and, for a sector, the price outliers of that sector already on the dashboard. Flags that
 * name no project are listed by lot. Every row links to the project (or lot) view.
 */
import type { ApiClient } from '../api-client';
import { el } from '../dom';
import { link, table } from '../panels/format';
import type { Page } from '../types';
import { card, type GroupKind } from './card';
import type { Outlier, StatsFilters } from './types';

/** Flags and projects read at most for one list (pages of 100). */
const MAX_ITEMS = 500;

export interface MatchRow {
  kind: 'project' | 'lot';
  id: string;
  flags: number;
  top_score: number | null;
  detectors: string[];
  outlier_lots: string[];
}

/** The dashboard's filters narrowed to one group; a month keeps the part of it inside from/to. */
export function groupFilters(kind: GroupKind, value: string, filters: StatsFilters): StatsFilters {
  if (kind !== 'month') return { ...filters, [kind]: value };
  const [year, month] = value.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = `${value}-01`;
  const end = `${value}-${String(last).padStart(2, '0')}`;
  return {
    ...filters,
    from: filters.from && filters.from > first ? filters.from : first,
    to: filters.to && filters.to < end ? filters.to : end,
  };
}

/** The items of a paged list, pages of 100, up to MAX_ITEMS. */
async function firstItems<T>(page: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.next_cursor;
  } while (cursor && items.length < MAX_ITEMS);
  return items;
}

/** The projects (or lots) of a group, most flagged first. */
export async function matchingProjects(
  api: ApiClient,
  kind: GroupKind,
  value: string,
  filters: StatsFilters,
  outliers: Outlier[],
): Promise<MatchRow[]> {
  const narrowed = groupFilters(kind, value, filters);
  const query = { region: narrowed.region, sector: narrowed.sector };
  const rows = new Map<string, MatchRow>();
  const row = (k: MatchRow['kind'], id: string) => {
    const key = `${k}:${id}`;
    const found = rows.get(key) ?? { kind: k, id, flags: 0, top_score: null, detectors: [], outlier_lots: [] };
    rows.set(key, found);
    return found;
  };
  const projects = await firstItems((cursor) => api.projects(narrowed, cursor, 100));
  for (const project of projects) row('project', project.id).top_score = project.risk;
  // The flags route has no date filter: with the whole list at hand (or a month's), flags only annotate it.
  const annotateOnly = kind === 'month' || projects.length < MAX_ITEMS;
  for (const flag of await firstItems((cursor) => api.flags(query, cursor, 100))) {
    if (annotateOnly && !(flag.project && rows.has(`project:${flag.project}`))) continue;
    const target = flag.project ? row('project', flag.project) : row('lot', flag.lot ?? flag.lots[0] ?? flag.id);
    target.flags++;
    target.top_score = Math.max(target.top_score ?? 0, flag.score);
    if (!target.detectors.includes(flag.detector)) target.detectors.push(flag.detector);
  }
  if (kind === 'sector') {
    for (const o of outliers.filter((x) => x.sector === value)) row('project', o.project).outlier_lots.push(o.lot);
  }
  return [...rows.values()].sort(
    (a, b) => b.flags - a.flags || (b.top_score ?? 0) - (a.top_score ?? 0) || a.id.localeCompare(b.id),
  );
}

/** The card listing the matches, with its CSV. */
export function matchesCard(kind: GroupKind, value: string, rows: MatchRow[], close: () => void): HTMLElement {
  const head = ['kind', 'id', 'flags', 'top_score', 'detectors', 'outlier_lots'];
  const body =
    rows.length === 0
      ? el('p', { class: 'note', text: `No projects in ${kind} ${value}.` })
      : table(
          ['Project / lot', 'Flags', 'Risk / top score', 'Detectors', 'Price outlier lots'],
          rows.map((r) => [
            link({ view: r.kind, id: r.id }, r.kind === 'lot' ? `lot ${r.id}` : r.id),
            String(r.flags),
            r.top_score === null ? '' : r.top_score.toFixed(2),
            r.detectors.join(', '),
            r.outlier_lots.join(', '),
          ]),
        );
  const section = card(
    `Projects of ${kind} ${value}`,
    `projects-${kind}-${value}`,
    () => ({
      head,
      rows: rows.map((r) => [r.kind, r.id, r.flags, r.top_score, r.detectors.join(' '), r.outlier_lots.join(' ')]),
    }),
    [
      el('p', {
        class: 'note',
        text: `Projects of ${kind} ${value} (first ${MAX_ITEMS}), most flagged first; risk is the highest lot risk.`,
      }),
      body,
      el('button', { text: 'Close', attrs: { type: 'button' }, on: { click: close } }),
    ],
  );
  section.id = 'stats-matches';
  section.setAttribute('data-kind', kind);
  section.setAttribute('data-value', value);
  return section;
}
