/**
 * The flag list: highest score first, with filters (detector, minimum score, severity, status,
 * region, sector, changed since) and "more" paging by cursor. Detector names come from the
 * OpenAPI document, so the list never drifts from the server.
 */
import type { ApiClient } from './api-client';
import { el, fill } from './dom';
import { linkTo } from './router';
import type { Flag, FlagFilters } from './types';

const SEVERITIES = ['', 'high', 'medium', 'low'];
const STATUSES = ['', 'open', 'confirmed', 'dismissed', 'benign', 'retired'];

function select(name: string, options: string[], label: string): HTMLLabelElement {
  const input = el(
    'select',
    { attrs: { name } },
    options.map((o) => el('option', { text: o || 'any', attrs: { value: o } })),
  );
  return el('label', {}, [label, input]);
}

function input(name: string, label: string, attrs: Record<string, string> = {}): HTMLLabelElement {
  return el('label', {}, [label, el('input', { attrs: { name, ...attrs } })]);
}

/** Detector ids listed by the API's own document (GET /api/openapi.json). */
async function detectors(): Promise<string[]> {
  try {
    const doc = (await (await fetch('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }>;
    };
    const param = doc.paths['/api/v1/flags']?.get?.parameters?.find((p) => p.name === 'detector');
    return param?.schema?.enum ?? [];
  } catch {
    return [];
  }
}

export class FlagList {
  private readonly form = el('form', { class: 'filters' });
  private readonly list = el('ol', { class: 'flags' });
  private readonly summary = el('p', { class: 'note' });
  private readonly more = el('button', { text: 'More', attrs: { type: 'button' } });
  private cursor: string | null = null;

  constructor(
    root: HTMLElement,
    private readonly api: () => ApiClient,
  ) {
    fill(root, el('h2', { text: 'Flags' }), this.form, this.summary, this.list, this.more);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.load();
    });
    this.form.addEventListener('change', () => void this.load());
    this.more.addEventListener('click', () => void this.load(true));
    void this.buildForm();
  }

  private async buildForm(): Promise<void> {
    fill(
      this.form,
      select('detector', ['', ...(await detectors())], 'Detector'),
      select('severity', SEVERITIES, 'Severity'),
      select('status', STATUSES, 'Status'),
      input('min_score', 'Min score', { type: 'number', min: '0', max: '1', step: '0.05', value: '0' }),
      input('region', 'Region', { placeholder: '4101', pattern: '\\d{2,6}', size: '6' }),
      input('sector', 'Sector', { placeholder: 'construction', size: '10' }),
      input('since', 'Changed since', { type: 'date' }),
    );
  }

  private filters(): FlagFilters {
    const data = new FormData(this.form);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const since = value('since');
    return {
      detector: value('detector'),
      severity: value('severity'),
      status: value('status'),
      min_score: value('min_score'),
      region: value('region'),
      sector: value('sector'),
      since: since ? `${since}T00:00:00Z` : undefined,
    };
  }

  /** Loads the first page (or, with `next`, the following one). */
  async load(next = false): Promise<void> {
    if (!next) this.cursor = null;
    this.summary.textContent = 'Loading…';
    try {
      const page = await this.api().flags(this.filters(), next ? this.cursor : null);
      if (!next) this.list.replaceChildren();
      this.list.append(...page.items.map(flagItem));
      this.cursor = page.next_cursor;
      this.more.hidden = !this.cursor;
      this.summary.textContent = `${this.list.childElementCount} of ${page.total} flags`;
    } catch (error) {
      this.summary.textContent = `Could not load flags: ${(error as Error).message}`;
    }
  }
}

function flagItem(flag: Flag): HTMLLIElement {
  return el('li', { class: `severity-${flag.severity}`, attrs: { 'data-flag': flag.id } }, [
    el('a', { attrs: { href: linkTo({ view: 'flag', id: flag.id }) } }, [
      el('span', { class: 'score', text: flag.score.toFixed(2) }),
      el('span', { class: 'detector', text: flag.detector }),
      el('span', { class: 'status', text: flag.status }),
      el('span', { class: 'summary', text: flag.summary }),
    ]),
  ]);
}
