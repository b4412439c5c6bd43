/**
 * Redaction of a case file for sharing outside the supervising body (个人信息保护法): people's
 * names and ids, phones, addresses, e-mails, ID-number hashes, certificates, document authors
 * (a bid file's author is a person's name) and bank accounts become consistent pseudonyms within
 * the file (人员A / Person A, 电话1 / Phone 1 …); organisation names stay. The model is masked as a
 * whole — tables, graph labels, evidence text and data, triage notes, timeline — by replacing every
 * known value wherever it occurs, and the rendered HTML is checked once more (`guardHtml`).
 */
import { escapeHtml } from './html';
import type { CaseModel } from './model';

/** Value → pseudonym, longest values first when applied. */
export type Pseudonyms = Map<string, string>;

/** A, B, …, Z, AA, AB, … */
export function letters(n: number): string {
  let out = '';
  let x = n;
  do {
    out = String.fromCharCode(65 + (x % 26)) + out;
    x = Math.floor(x / 26) - 1;
  } while (x >= 0);
  return out;
}

const sorted = (values: Iterable<string | undefined>): string[] =>
  [...new Set([...values].filter((v): v is string => typeof v === 'string' && v.trim() !== ''))].sort();

/** Whether a value is worth masking: not empty, and not a short Latin word that text is made of. */
function maskable(value: string): boolean {
  if (value.trim().length < 2) return false;
  return !/^[A-Za-z]{1,3}$/.test(value.trim());
}

/**
 * The pseudonyms of one case: persons and experts by id order (an expert and the person behind it
 * share one), then each kind of value in sorted order, so the same case always masks the same way.
 * @example pseudonymsOf(model).get('PER0000445') // '人员A/Person A'
 */
export function pseudonymsOf(model: CaseModel): Pseudonyms {
  const out: Pseudonyms = new Map();
  const set = (value: string | undefined, alias: string) => {
    if (value !== undefined && maskable(value) && !out.has(value)) out.set(value, alias);
  };
  const byId = new Map(model.entities.map((e) => [e.id, e]));
  const expertOfPerson = new Map<string, string>();
  for (const e of model.entities) if (e.kind === 'expert' && e.person) expertOfPerson.set(e.person, e.id);

  // Experts: every expert id the file names (panels, entities), with the person behind each.
  const experts = sorted([
    ...model.entities.filter((e) => e.kind === 'expert').map((e) => e.id),
    ...model.lots.flatMap((l) => l.panel.map((s) => s.expert)),
  ]);
  experts.forEach((id, i) => {
    const alias = `专家${letters(i)}/Expert ${letters(i)}`;
    const expert = byId.get(id);
    set(id, alias);
    set(expert?.name, alias);
    const person = expert?.person ? byId.get(expert.person) : undefined;
    set(expert?.person, alias);
    set(person?.name, alias);
  });
  // Persons: every person entity, every person id a bid names, legal representatives and relatives.
  const personIds = sorted([
    ...model.entities.filter((e) => e.kind === 'person' && !expertOfPerson.has(e.id)).map((e) => e.id),
    ...model.entities.flatMap((e) => e.legalReps),
    ...model.entities.flatMap((e) => e.ties.filter((t) => t.type === 'RELATIVE_OF').map((t) => t.to)),
    ...model.sanctions.map((s) => (byId.get(s.entity ?? '')?.kind === 'person' ? s.entity : undefined)),
    ...model.lots.flatMap((l) =>
      l.bids.flatMap((b) => [b.people.contact_person, b.people.project_manager, b.people.agent_person]),
    ),
    ...model.lots.flatMap((l) =>
      l.bids.map((b) => (byId.get(b.people.bond_payer ?? '')?.kind === 'person' ? b.people.bond_payer : undefined)),
    ),
  ]).filter((id) => !expertOfPerson.has(id));
  personIds.forEach((id, i) => {
    const alias = `人员${letters(i)}/Person ${letters(i)}`;
    set(id, alias);
    set(byId.get(id)?.name, alias);
  });

  const bids = model.lots.flatMap((l) => l.bids);
  const numbered = (values: string[], zh: string, en: string) =>
    values.forEach((v, i) => set(v, `${zh}${i + 1}/${en} ${i + 1}`));
  numbered(
    sorted([...model.entities.flatMap((e) => e.phones), ...bids.map((b) => b.values.contact_phone)]),
    '电话',
    'Phone',
  );
  // Addresses: an entity's raw address takes the number of its first normalised one.
  const addresses = sorted(model.entities.flatMap((e) => e.addresses));
  numbered(addresses, '地址', 'Address');
  let extra = addresses.length;
  for (const e of model.entities) {
    if (!e.address) continue;
    const normalised = e.addresses[0];
    if (normalised && out.has(normalised)) set(e.address, out.get(normalised) as string);
    else set(e.address, `地址${++extra}/Address ${extra}`);
  }
  numbered(sorted(model.entities.flatMap((e) => e.emails)), '邮箱', 'Email');
  numbered(sorted(model.entities.map((e) => e.idHash)), '身份证号哈希', 'ID hash');
  numbered(sorted(model.entities.flatMap((e) => e.certificates)), '证书', 'Certificate');
  numbered(sorted(bids.map((b) => b.values.doc_author)), '作者', 'Author');
  numbered(
    sorted([...model.entities.flatMap((e) => e.bankAccounts), ...bids.map((b) => b.values.bond_account)]),
    '账户',
    'Account',
  );
  return out;
}

const isAscii = (value: string) => /^[\x20-\x7e]+$/.test(value);
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pass replacing every value by its pseudonym, longest first. Latin/digit values match only as
 * whole tokens (PER0000445 is not masked inside PER00004451), Chinese ones wherever they occur.
 */
export function replacer(pseudonyms: Pseudonyms, transform: (value: string) => string = (v) => v) {
  const entries = [...pseudonyms.entries()]
    .map(([value, alias]) => [transform(value), transform(alias)] as const)
    .sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1));
  if (entries.length === 0) return (text: string) => text;
  const lookup = new Map(entries);
  const pattern = new RegExp(
    entries
      .map(([value]) =>
        isAscii(value) ? `(?<![A-Za-z0-9])${escapeRegExp(value)}(?![A-Za-z0-9])` : escapeRegExp(value),
      )
      .join('|'),
    'g',
  );
  return (text: string) => text.replace(pattern, (match) => lookup.get(match) ?? match);
}

/**
 * Every string of a JSON-like value passed through `fn`; object keys only when they are a masked
 * value as a whole (evidence keys bids by bidder or person id), so that field names stay intact.
 */
function mapStrings<T>(value: T, fn: (text: string) => string, key: (name: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, key)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [key(k), mapStrings(v, fn, key)]),
    ) as T;
  }
  return value;
}

/**
 * The case with every person's name and id, phone, address, e-mail, ID hash, certificate, document
 * author and bank account replaced by its pseudonym, and the pseudonyms used.
 * @example const { model: shared } = redactCase(model); // shared.redacted === true
 */
export function redactCase(model: CaseModel): { model: CaseModel; pseudonyms: Pseudonyms } {
  const pseudonyms = pseudonymsOf(model);
  const replace = replacer(pseudonyms);
  const { engine, ...rest } = model;
  return {
    model: { ...mapStrings(rest, replace, (k) => pseudonyms.get(k) ?? k), engine, redacted: true },
    pseudonyms,
  };
}

/**
 * Belt and braces on the rendered HTML: any masked value still present (as the renderer escaped
 * it) is replaced too, so nothing leaks through a path the model walk did not foresee.
 */
export function guardHtml(html: string, pseudonyms: Pseudonyms): string {
  const replace = replacer(pseudonyms, escapeHtml);
  // Text between tags only: markup and the style sheet are the renderer's, never data.
  return html
    .split(/(<style[\s\S]*?<\/style>|<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : replace(part)))
    .join('');
}
