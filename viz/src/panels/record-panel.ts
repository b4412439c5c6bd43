/** Side panels for a lot, a project's full process, and an entity (organisation, person, expert). */
import { el, fill } from '../dom';
import type { EntityAnswer, Flag, LotAnswer, ProjectAnswer } from '../types';
import { day, facts, link, money, table, text } from './format';

function flagRows(flags: Flag[]): HTMLElement {
  if (flags.length === 0) return el('p', { class: 'note', text: 'No flags.' });
  return table(
    ['Flag', 'Detector', 'Score', 'Status'],
    flags.map((f) => [link({ view: 'flag', id: f.id }, f.summary || f.id), f.detector, f.score.toFixed(2), f.status]),
  );
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
      ['Approvals', answer.approvals.map((a) => text(a.id)).join(', ')],
    ]),
    ...answer.lots.flatMap((lot) => [
      el('h3', {}, [link({ view: 'lot', id: lot.id }, `Lot ${lot.id}`), ` ${lot.name ?? ''}`]),
      bidRows(lot),
    ]),
    el('h3', { text: 'Flags' }),
    flagRows(answer.flags),
  );
}

export function renderEntityPanel(root: HTMLElement, answer: EntityAnswer): void {
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
      ['Communities', ((answer.communities ?? []) as { id: string }[]).map((c) => c.id).join(', ')],
    ]),
    el('h3', { text: 'Flags' }),
    flagRows((answer.flags ?? []) as Flag[]),
    el('h3', { text: 'Projects' }),
    table(
      ['Project', 'Roles'],
      projects.map((p) => [link({ view: 'project', id: p.id }, `${p.id} ${p.name ?? ''}`), p.roles.join(', ')]),
    ),
  );
}
