/** Side panels for a lot, a project's full process, and an entity (organisation, person, expert). */
import { el, fill } from '../dom';
import type { EntityAnswer, Flag, LotAnswer, ProjectAnswer, Sanction } from '../types';
import { caseButton, type CaseDownload } from './case-button';
import { day, facts, link, money, table, text } from './format';

function flagRows(flags: Flag[]): HTMLElement {
  if (flags.length === 0) return el('p', { class: 'note', text: 'No flags.' });
  return table(
    ['Flag', 'Detector', 'Score', 'Status'],
    flags.map((f) => [link({ view: 'flag', id: f.id }, f.summary || f.id), f.detector, f.score.toFixed(2), f.status]),
  );
}

const VIA: Record<Sanction['via'], string> = { self: '', person: 'its person', legal_rep: 'legal representative' };

/** The credit platform's records on an entity (信用平台): what, when, where, and whether it bars. */
function sanctionRows(sanctions: Sanction[]): HTMLElement {
  if (sanctions.length === 0) return el('p', { class: 'note', text: 'No sanctions loaded.' });
  const rows = table(
    ['Kind', 'Scope', 'From', 'Until', 'Authority', 'Reason', 'Through', 'Bars / in force'],
    sanctions.map((s) => [
      s.kind,
      s.scope ?? 'all',
      day(s.date),
      s.until ? day(s.until) : 'open-ended',
      s.authority ? link({ view: 'entity', id: s.authority }, s.authority) : '',
      s.reason ?? '',
      s.via === 'self' ? '' : `${VIA[s.via]} ${s.entity}`,
      `${s.bars ? 'bars' : 'no bar'}${s.in_force ? ', in force' : ''}`,
    ]),
  );
  rows.classList.add('sanctions');
  return rows;
}

const APPROVAL_FIELDS = ['id', 'kind', 'authority', 'approved_at', 'investment', 'tendering_mode', 'tendering_scope'];

/** The project's approval records (投资审批) and what the approval detectors found against them. */
function approvalSection(answer: ProjectAnswer): HTMLElement[] {
  const code = answer.project.project_code;
  const records =
    answer.approvals.length === 0
      ? el('p', { class: 'note', text: code ? `No approval loaded for code ${text(code)}.` : 'No project code.' })
      : table(
          APPROVAL_FIELDS,
          answer.approvals.map((a) =>
            APPROVAL_FIELDS.map((f) =>
              f === 'investment' ? money(a[f]) : f === 'approved_at' ? day(a[f]) : text(a[f]),
            ),
          ),
        );
  const mismatches = answer.approval_mismatches.flatMap((f) =>
    f.evidence.map((e) => el('li', {}, [link({ view: 'flag', id: f.id }, f.detector), ` ${e.text}`])),
  );
  return [
    el('h3', { text: `Approval ${code ? text(code) : ''}` }),
    records,
    mismatches.length > 0
      ? el('ul', { class: 'approval-mismatches' }, mismatches)
      : el('p', { class: 'note', text: 'No mismatch with the approval found.' }),
  ];
}

function bidRows(lot: LotAnswer['lot']): HTMLElement {
  return table(
    ['Bidder', 'Price', 'Submitted', 'Rank', ''],
    lot.bids.map((bid) => [
      link({ view: 'entity', id: bid.bidder }, bid.bidder_name ?? bid.bidder),
      money(bid.price),
      day(bid.submitted_at),
      text(bid.rank),
      bid.won ? 'won' : '',
    ]),
  );
}

export function renderLotPanel(root: HTMLElement, answer: LotAnswer): void {
  const { lot, project } = answer;
  fill(
    root,
    el('h2', { text: `Lot ${lot.id} ${lot.name ?? ''}` }),
    facts([
      ['Project', link({ view: 'project', id: project.id }, `${project.id} ${project.name ?? ''}`)],
      ['Region', project.region],
      ['Sector', project.sector],
      ['Ceiling price', money(lot.ceiling_price)],
      ['Risk', typeof lot.risk === 'number' ? lot.risk.toFixed(3) : ''],
      ['Events', text(lot.events)],
    ]),
    el('h3', { text: 'Bids' }),
    bidRows(lot),
    el('h3', { text: 'Flags' }),
    flagRows(answer.flags),
  );
}

export function renderProjectPanel(root: HTMLElement, answer: ProjectAnswer): void {
  const p = answer.project;
  fill(
    root,
    el('h2', { text: `${p.id} ${p.name ?? ''}` }),
    facts([
      ['Tenderer', answer.tenderer ? link({ view: 'entity', id: answer.tenderer.id }, answer.tenderer.name ?? '') : ''],
      ['Agent', answer.agent ? link({ view: 'entity', id: answer.agent.id }, answer.agent.name ?? '') : ''],
      ['Supervisor', answer.supervisor?.name],
      ['Region', p.region],
      ['Sector', p.sector],
      ['Procedure', p.procedure],
      ['Budget', money(p.budget)],
      ['Events', text(p.events)],
    ]),
    ...approvalSection(answer),
    ...answer.lots.flatMap((lot) => [
      el('h3', {}, [link({ view: 'lot', id: lot.id }, `Lot ${lot.id}`), ` ${lot.name ?? ''}`]),
      bidRows(lot),
    ]),
    el('h3', { text: 'Flags' }),
    flagRows(answer.flags),
  );
}

/** What the entity panel can do: download a community's case file (案卷). */
export interface EntityPanelActions {
  communityCase(id: string): CaseDownload;
}

/** The entity's communities, each with its case-file button. */
function communityRows(communities: { id: string; score: number; size: number }[], actions?: EntityPanelActions) {
  if (communities.length === 0) return el('p', { class: 'note', text: 'In no community.' });
  return table(
    ['Community', 'Score', 'Members', ''],
    communities.map((c) => [
      c.id,
      typeof c.score === 'number' ? c.score.toFixed(2) : '',
      text(c.size),
      actions ? caseButton(actions.communityCase(c.id), 'Case file 案卷', c.id) : '',
    ]),
  );
}

export function renderEntityPanel(root: HTMLElement, answer: EntityAnswer, actions?: EntityPanelActions): void {
  const props = (answer.properties ?? {}) as Record<string, unknown>;
  const projects = (answer.projects ?? []) as { id: string; name: string | null; roles: string[] }[];
  fill(
    root,
    el('h2', { class: 'entity-name', text: text(answer.name ?? answer.id) }),
    facts([
      ['Id', answer.id],
      ['Type', answer.kind],
      ['Risk', typeof answer.risk === 'number' ? answer.risk.toFixed(3) : ''],
      ['Region', props.region],
      ['USCC', props.uscc],
      ['Counts', text(answer.counts)],
    ]),
    el('h3', { text: 'Communities' }),
    communityRows(answer.communities ?? [], actions),
    el('h3', { text: 'Sanctions' }),
    sanctionRows(answer.sanctions ?? []),
    el('h3', { text: 'Flags' }),
    flagRows((answer.flags ?? []) as Flag[]),
    el('h3', { text: 'Projects' }),
    table(
      ['Project', 'Roles'],
      projects.map((p) => [link({ view: 'project', id: p.id }, `${p.id} ${p.name ?? ''}`), p.roles.join(', ')]),
    ),
  );
}
