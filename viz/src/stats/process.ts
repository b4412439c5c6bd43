/**
 * The process part of the dashboard (GET /stats/process): median and p90 days per stage, the legal
 * time limits broken, and the agents ranked by how long their projects wait (linked to the agent).
 */
import { el } from '../dom';
import { link, table } from '../panels/format';
import { card, type ChartSet } from './card';
import type { Process, Stage } from './types';

const stageName = (s: Stage) => `${s.from} → ${s.to}`;
const days = (x: number | null | undefined) => (typeof x === 'number' ? x.toFixed(1) : '');

function stages(p: Process, charts: ChartSet): HTMLElement {
  const rows = p.stages;
  return card(
    'Days per stage',
    'process-stages',
    () => ({
      head: ['from', 'to', 'lots', 'median_days', 'p90_days'],
      rows: rows.map((s) => [s.from, s.to, s.lots, s.median_days, s.p90_days]),
    }),
    [
      p.total
        ? el('p', {
            class: 'note',
            text: `Whole procedure: median ${days(p.total.median_days)} days, p90 ${days(p.total.p90_days)} (${p.total.lots} lots).`,
          })
        : null,
      charts.bar(
        'process-stages',
        {
          labels: rows.map(stageName),
          series: [
            { label: 'median', data: rows.map((s) => s.median_days) },
            { label: 'p90', data: rows.map((s) => s.p90_days) },
          ],
          horizontal: true,
          unit: 'days',
        },
        260,
      ),
    ],
  );
}

function breaches(p: Process): HTMLElement {
  const rows = p.breaches;
  const limit = (b: Process['breaches'][number]) =>
    b.min_days !== undefined ? `≥ ${b.min_days} days` : b.max_days !== undefined ? `≤ ${b.max_days} days` : '';
  return card(
    'Legal time limits broken',
    'process-breaches',
    () => ({
      head: ['rule', 'basis', 'min_days', 'max_days', 'checked', 'broken', 'median_days'],
      rows: rows.map((b) => [b.rule, b.basis, b.min_days, b.max_days, b.checked, b.broken, b.median_days]),
    }),
    [
      table(
        ['Rule', 'Basis', 'Limit', 'Checked', 'Broken', 'Median days'],
        rows.map((b) => [b.rule, b.basis, limit(b), String(b.checked), String(b.broken), days(b.median_days)]),
      ),
    ],
  );
}

function agents(p: Process): HTMLElement {
  const rows = p.ranking.agents;
  return card(
    'Agents ranked by wait (announced → contract signed)',
    'process-agents',
    () => ({
      head: [
        'rank',
        'agent_id',
        'agent_name',
        'lots',
        'median_days',
        'p90_days',
        'longest_stage',
        'longest_stage_median_days',
      ],
      rows: rows.map((a, i) => [
        i + 1,
        a.agent.id,
        a.agent.name,
        a.lots,
        a.median_days,
        a.p90_days,
        a.longest_stage ? stageName(a.longest_stage) : null,
        a.longest_stage?.median_days,
      ]),
    }),
    [
      rows.length === 0
        ? el('p', { class: 'note', text: 'No agent has a complete procedure in this selection.' })
        : table(
            ['#', 'Agent', 'Lots', 'Median days', 'p90 days', 'Longest stage'],
            rows.map((a, i) => [
              String(i + 1),
              a.agent.id ? link({ view: 'entity', id: a.agent.id }, a.agent.name ?? a.agent.id) : (a.agent.name ?? ''),
              String(a.lots),
              days(a.median_days),
              days(a.p90_days),
              a.longest_stage ? `${stageName(a.longest_stage)} (${days(a.longest_stage.median_days)})` : '',
            ]),
          ),
    ],
  );
}

export function processCards(p: Process, charts: ChartSet): HTMLElement[] {
  return [stages(p, charts), breaches(p), agents(p)];
}
