/**
 * The few HTML helpers the case file's renderers share: escaping (every piece of data reaches the
 * document escaped, so a name like `<img src=x>` shows literally and never loads anything), a tag
 * builder, bilingual labels, and number and date formats that do not depend on the machine's locale
 * (the same model must give the same bytes everywhere).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Markup that is already safe (built by these helpers), as opposed to text to escape. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Content = Html | string | number | null | undefined | false | Content[];

/** Content as markup: strings and numbers escaped, Html kept, lists joined, empty values dropped. */
export function render(content: Content): string {
  if (content === null || content === undefined || content === false) return '';
  if (content instanceof Html) return content.html;
  if (Array.isArray(content)) return content.map(render).join('');
  return escapeHtml(String(content));
}

/** Several pieces of content as one piece of markup. */
export function fragment(...content: Content[]): Html {
  return new Html(render(content));
}

/** Elements without content or end tag. */
const VOID = new Set(['br', 'hr', 'meta', 'wbr']);

/** An element; attribute values are escaped, `true` writes a bare attribute. */
export function tag(
  name: string,
  attrs: Record<string, string | number | boolean | undefined>,
  ...content: Content[]
): Html {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`))
    .join('');
  if (VOID.has(name)) return new Html(`<${name}${a}>`);
  return new Html(`<${name}${a}>${render(content)}</${name}>`);
}

/** A bilingual label: 中文 English. */
export function label(zh: string, en: string): Html {
  return new Html(`${escapeHtml(zh)} <span class="en">${escapeHtml(en)}</span>`);
}

/** A table: head labels and rows of cells. */
export function table(head: Content[], rows: Content[][], className?: string): Html {
  return tag(
    'table',
    { class: className },
    tag(
      'thead',
      {},
      tag(
        'tr',
        {},
        head.map((h) => tag('th', {}, h)),
      ),
    ),
    tag(
      'tbody',
      {},
      rows.map((row) =>
        tag(
          'tr',
          {},
          row.map((cell) => tag('td', {}, cell)),
        ),
      ),
    ),
  );
}

/** A definition list of label → value, empty values left out. */
export function facts(pairs: [Content, Content][]): Html {
  const items = pairs.filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false);
  return tag(
    'dl',
    { class: 'facts' },
    items.map(([k, v]) => [tag('dt', {}, k), tag('dd', {}, v)]),
  );
}

/** 1234567.8 → "1,234,567.80" (two decimals unless whole), independent of the locale. */
export function money(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(Number.isInteger(value) ? 0 : 2);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A number with at most `digits` decimals, trailing zeros dropped. */
export function decimal(value: number | undefined, digits = 3): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

/** An ISO time as delivered, "YYYY-MM-DD HH:MM:SS+08:00" (UTC times as "… UTC", without fractions). */
export function when(value: string | undefined): string {
  return value
    ? value
        .replace('T', ' ')
        .replace(/\.\d+(?=Z|[+-]\d\d:?\d\d$|$)/, '')
        .replace(/Z$/, ' UTC')
    : '';
}

/** Any value as one line of text (objects as compact JSON). */
export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return decimal(value, 6);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
