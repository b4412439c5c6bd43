/** The dashboard's filter form (from, to, region, sector), mirroring the stats routes' query. */
import { el } from '../dom';
import type { StatsFilters } from './types';

function field(name: keyof StatsFilters, label: string, attrs: Record<string, string>): HTMLLabelElement {
  return el('label', {}, [label, el('input', { attrs: { name, ...attrs } })]);
}

export class StatsFilterForm {
  readonly form = el('form', { class: 'filters stats-filters' }, [
    field('from', 'Announced from', { type: 'date' }),
    field('to', 'Announced to', { type: 'date' }),
    field('region', 'Region', { placeholder: '4101', pattern: '\\d{2,6}', size: '6' }),
    field('sector', 'Sector', { placeholder: 'construction', pattern: '[a-z_\\-]+', size: '10' }),
    el('button', { text: 'Apply', attrs: { type: 'submit' } }),
    el('button', { text: 'Clear', attrs: { type: 'reset' } }),
  ]);

  constructor(changed: () => void) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.form.reportValidity()) changed();
    });
    this.form.addEventListener('reset', () => setTimeout(changed, 0));
  }

  get value(): StatsFilters {
    const data = new FormData(this.form);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    return { from: value('from'), to: value('to'), region: value('region'), sector: value('sector') };
  }

  set(values: StatsFilters): void {
    for (const name of ['from', 'to', 'region', 'sector'] as const) {
      const input = this.form.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = values[name] ?? '';
    }
  }
}
