/**
 * The evidence panel of a flag: what the engine says and why (rule or method, evidence items
 * with their shared values), the lots with their bids, prices and dates, links to each project's
 * full process, and triage (confirm, dismiss, mark benign, reopen) with a note.
 */
import { el, fill } from '../dom';
import type { Flag, LotAnswer, TriageStatus } from '../types';
import { caseButton, type CaseDownload } from './case-button';
import { day, facts, link, money, table, text } from './format';

export interface FlagPanelActions {
  triage(status: TriageStatus, note: string): Promise<Flag>;
  /** Downloads the flag's case file (案卷). */
  caseFile: CaseDownload;
}

const TRIAGE: [TriageStatus, string][] = [
  ['confirmed', 'Confirm'],
  ['dismissed', 'Dismiss'],
  ['benign', 'Mark benign'],
  ['open', 'Reopen'],
];

export function renderFlagPanel(root: HTMLElement, flag: Flag, lots: LotAnswer[], actions: FlagPanelActions): void {
  const statusLine = el('p', { class: `flag-status ${flag.status}`, text: statusText(flag) });
  fill(
    root,
    el('h2', { text: flag.summary || flag.id }),
    facts([
      ['Flag', flag.id],
      ['Detector', flag.detector],
      ['Score', flag.score.toFixed(3)],
      ['Severity', flag.severity],
      ['Rule / method', flag.basis],
      ['First seen', day(flag.first_seen)],
      ['Entities', flag.entities.join(', ')],
    ]),
    statusLine,
    caseButton(actions.caseFile, 'Case file 案卷', flag.id),
    triageForm(flag, actions, statusLine),
    el('h3', { text: 'Evidence' }),
    el('ol', { class: 'evidence' }, flag.evidence.map(evidenceItem)),
    ...lots.map((lot) => lotSection(lot, new Set(flag.bids))),
  );
}

function statusText(flag: Flag): string {
  const by = flag.triage ? ` by ${flag.triage.by} at ${day(flag.triage.at)}` : '';
  const note = flag.triage?.note ? ` — “${flag.triage.note}”` : '';
  return `Status: ${flag.status}${by}${note}`;
}

function evidenceItem(item: Flag['evidence'][number]): HTMLLIElement {
  const data = Object.entries(item.data ?? {}).map(([k, v]) => [k, text(v)] as [string, unknown]);
  return el('li', { attrs: { 'data-kind': item.kind } }, [
    el('strong', { text: item.kind }),
    ' ',
    el('span', { text: item.text }),
    data.length > 0 ? facts(data) : null,
  ]);
}

function triageForm(flag: Flag, actions: FlagPanelActions, statusLine: HTMLElement): HTMLElement {
  const note = el('textarea', {
    attrs: { rows: '2', maxlength: '2000', placeholder: 'Note (why)', 'aria-label': 'note' },
  });
  note.value = flag.triage?.note ?? '';
  const buttons = TRIAGE.map(([status, label]) =>
    el('button', {
      text: label,
      attrs: { type: 'button', 'data-triage': status },
      on: {
        click: () => {
          statusLine.textContent = 'Saving…';
          actions.triage(status, note.value.trim()).then(
            (updated) => {
              statusLine.textContent = statusText(updated);
              statusLine.className = `flag-status ${updated.status}`;
            },
            (error: Error) => {
              statusLine.textContent = `Triage failed: ${error.message}`;
              statusLine.className = 'flag-status error';
            },
          );
        },
      },
    }),
  );
  return el('div', { class: 'triage' }, [note, el('div', { class: 'buttons' }, buttons)]);
}

function lotSection(answer: LotAnswer, flagged: Set<string>): HTMLElement {
  const { lot, project } = answer;
  const rows = lot.bids.map((bid) => [
    flagged.has(bid.id) ? `★ ${bid.id}` : bid.id,
    link({ view: 'entity', id: bid.bidder }, bid.bidder_name ?? bid.bidder),
    money(bid.price),
    day(bid.submitted_at),
    text(bid.rank),
    bid.won ? 'won' : '',
  ]);
  return el('section', { class: 'lot' }, [
    el('h3', {}, [link({ view: 'lot', id: lot.id }, `Lot ${lot.id}`), ` ${lot.name ?? ''}`]),
    el('p', {}, [
      link({ view: 'project', id: project.id }, `Full process of ${project.id}`),
      ` ${project.name ?? ''} · ${project.region ?? ''} · ${project.sector ?? ''}`,
    ]),
    facts([
      ['Ceiling price', money(lot.ceiling_price)],
      ['Risk', typeof lot.risk === 'number' ? lot.risk.toFixed(3) : ''],
    ]),
    table(['Bid', 'Bidder', 'Price', 'Submitted', 'Rank', ''], rows),
  ]);
}
