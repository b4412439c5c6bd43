/**
 * Turns a validated record into the parameter row of its load statement (cypher/load/<type>.cypher):
 * shared values normalised, personal ID numbers replaced by their keyed hash, nested and unknown
 * fields flattened into storable properties, and a content hash for change detection.
 */
import { createHash } from 'node:crypto';
import { RecordOf, RecordType, TradingRecord } from './records/schemas';
import { FieldProblem } from './records/validate';
import { normaliseAddress } from './normalise/address';
import {
  normaliseAccount,
  normaliseAuthor,
  normaliseCode,
  normaliseDocHash,
  normaliseEmail,
} from './normalise/identifiers';
import { IdHasher, isResidentIdNumber } from './normalise/id-number';
import { normaliseIp, normaliseMac } from './normalise/network';
import { normalisePhone } from './normalise/phone';

export type Row = Record<string, unknown>;

export interface Prepared {
  type: RecordType;
  /** Identity of the record within its type; a later record with the same key replaces it. */
  key: string;
  row: Row;
}

export type Preparation = { ok: true; prepared: Prepared } | { ok: false; problems: FieldProblem[] };

/** Label of each tie side that the kind fixes; undefined sides are resolved in Cypher. */
const TIE_SIDES: Record<string, [string | undefined, string | undefined]> = {
  legal_rep: ['Person', 'Organization'],
  executive: ['Person', 'Organization'],
  employee: ['Person', 'Organization'],
  former_employee: ['Person', 'Organization'],
  relative: ['Person', 'Person'],
  parent_company: ['Organization', 'Organization'],
  supervises: ['Organization', 'Organization'],
  shareholder: [undefined, 'Organization'],
};

const LABEL_OF_TYPE = { person: 'Person', organization: 'Organization' } as const;

/** Prepares one record; normalisation failures come back as field problems. */
export function prepareRecord(type: RecordType, record: TradingRecord, hasher: IdHasher): Preparation {
  const ctx = new Context(type);
  const prepared = build(type, record, ctx, hasher);
  if (ctx.problems.length > 0) return { ok: false, problems: ctx.problems };
  prepared.row.hash = contentHash(prepared.row);
  return { ok: true, prepared };
}

class Context {
  readonly problems: FieldProblem[] = [];
  constructor(readonly type: RecordType) {}

  phones(field: string, values: string[] | undefined): string[] {
    const out: string[] = [];
    for (const raw of values ?? []) {
      const result = normalisePhone(raw);
      if ('error' in result) this.problems.push({ field: `${this.type}.${field}`, reason: result.error });
      else out.push(result.value);
    }
    return [...new Set(out)];
  }

  one(field: string, raw: string | undefined, fn: (raw: string) => { value: string } | { error: string }): string[] {
    if (raw === undefined) return [];
    const result = fn(raw);
    if ('error' in result) {
      this.problems.push({ field: `${this.type}.${field}`, reason: result.error });
      return [];
    }
    return [result.value];
  }
}

function list<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function values(raws: string[] | undefined, fn: (raw: string) => string | undefined): string[] {
  return [...new Set((raws ?? []).map(fn).filter((v): v is string => v !== undefined))];
}

function build(type: RecordType, record: TradingRecord, ctx: Context, hasher: IdHasher): Prepared {
  switch (type) {
    case 'organization': {
      const r = record as RecordOf<'organization'>;
      const phones = ctx.phones('phones', r.phones);
      const row = {
        id: r.id,
        props: withPhones(props(r, hasher), phones),
        phones,
        emails: values(r.emails, normaliseEmail),
        address: values(list(r.address), normaliseAddress),
        accounts: values(r.bank_accounts, normaliseAccount),
        legal_rep: list(r.legal_rep),
      };
      return { type, key: r.id, row };
    }
    case 'person': {
      const r = record as RecordOf<'person'>;
      const phones = ctx.phones('phones', r.phones);
      const row = {
        id: r.id,
        props: withPhones(props(r, hasher), phones),
        phones,
        emails: values(r.emails, normaliseEmail),
        address: values(list(r.address), normaliseAddress),
        employer: list(r.employer),
        qualifications: values(r.certificates, normaliseCode),
      };
      return { type, key: r.id, row };
    }
    case 'expert': {
      const r = record as RecordOf<'expert'>;
      const phones = ctx.phones('phones', r.phones);
      const row = {
        id: r.id,
        props: withPhones(props(r, hasher), phones),
        person: list(r.person),
        employer: list(r.employer),
        former: [...new Set(r.former_employers ?? [])],
        phones,
        address: values(list(r.address), normaliseAddress),
      };
      return { type, key: r.id, row };
    }
    case 'project': {
      const r = record as RecordOf<'project'>;
      const row = {
        id: r.id,
        props: props(r, hasher),
        tenderer: r.tenderer,
        agent: list(r.agent),
        supervisor: list(r.supervisor),
      };
      return { type, key: r.id, row };
    }
    case 'lot': {
      const r = record as RecordOf<'lot'>;
      return { type, key: r.id, row: { id: r.id, props: props(r, hasher), project: r.project } };
    }
    case 'bid': {
      const r = record as RecordOf<'bid'>;
      const ip = ctx.one('ip', r.ip, normaliseIp);
      const mac = ctx.one('mac', r.mac, normaliseMac);
      const phone = ctx.one('contact_phone', r.contact_phone, normalisePhone);
      const machine = values(list(r.machine_code), normaliseCode);
      const cert = values(list(r.ca_cert), normaliseCode);
      const doc = values(list(r.doc_hash), normaliseDocHash);
      const author = values(list(r.doc_author), normaliseAuthor);
      const account = values(list(r.bond_account), normaliseAccount);
      const normalised = {
        ip: ip[0],
        mac: mac[0],
        contact_phone: phone[0],
        machine_code: machine[0],
        ca_cert: cert[0],
        doc_hash: doc[0],
        doc_author: author[0],
        bond_account: account[0],
      };
      const row = {
        id: r.id,
        props: { ...props(r, hasher), ...defined(normalised) },
        lot: r.lot,
        bidder: r.bidder,
        ip,
        mac,
        machine,
        cert,
        doc,
        author,
        account,
        phone,
        payer: r.bond_payer ?? null,
        contact: list(r.contact_person),
        manager: list(r.project_manager),
        agent: list(r.agent_person),
      };
      return { type, key: r.id, row };
    }
    case 'tie': {
      const r = record as RecordOf<'tie'>;
      const [fromKind, toKind] = TIE_SIDES[r.kind] ?? [undefined, undefined];
      const fromLabel = r.from_type ? LABEL_OF_TYPE[r.from_type] : fromKind;
      const toLabel = r.to_type ? LABEL_OF_TYPE[r.to_type] : toKind;
      const rest = props(r, hasher);
      for (const k of ['kind', 'from', 'to', 'from_type', 'to_type']) delete rest[k];
      const row = {
        kind: r.kind,
        from: r.from,
        to: r.to,
        fromLabel: fromLabel ?? null,
        toLabel: toLabel ?? null,
        props: rest,
      };
      return { type, key: `${r.kind}|${r.from}|${r.to}`, row };
    }
    case 'evaluation': {
      const r = record as RecordOf<'evaluation'>;
      const criterion = r.criterion ?? '';
      const row = { lot: r.lot, expert: r.expert, bidder: r.bidder, criterion, props: props(r, hasher) };
      return { type, key: `${r.lot}|${r.expert}|${r.bidder}|${criterion}`, row };
    }
    case 'panel': {
      const r = record as RecordOf<'panel'>;
      const p = props(r, hasher);
      delete p.experts;
      delete p.chair;
      const row = { lot: r.lot, experts: [...new Set(r.experts)], chair: r.chair ?? null, props: p };
      return { type, key: r.lot, row };
    }
    case 'sanction': {
      const r = record as RecordOf<'sanction'>;
      const id = r.id ?? `SAN-${sha256([r.entity, r.kind, r.date ?? '', r.authority ?? ''].join('|')).slice(0, 20)}`;
      return { type, key: id, row: { id, entity: r.entity, props: { ...props(r, hasher), id } } };
    }
    case 'approval': {
      const r = record as RecordOf<'approval'>;
      return { type, key: r.id, row: { id: r.id, props: props(r, hasher) } };
    }
  }
}

/**
 * Storable properties of a record: the contract's scalar fields as they are, `events.x` as
 * `events_x`, lists of scalars kept, other nested values as JSON text, `id_number` (and any
 * unknown field that holds a resident ID number) replaced by its keyed hash.
 */
export function props(record: Record<string, unknown>, hasher: IdHasher): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'type' || value === undefined || value === null) continue;
    if (key === 'id_number') {
      out.id_hash = hasher.hash(String(value));
    } else if (key === 'events' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [event, date] of Object.entries(value as Row)) {
        if (date !== undefined && date !== null)
          out[`events_${event}`] = typeof date === 'string' ? date : JSON.stringify(date);
      }
    } else if (typeof value === 'string' && isResidentIdNumber(value.trim())) {
      out[`${key}_hash`] = hasher.hash(value);
    } else if (Array.isArray(value)) {
      const scalars = value.every((v) => typeof v === 'string') || value.every((v) => typeof v === 'number');
      if (value.length > 0) out[key] = scalars ? value : JSON.stringify(value);
    } else if (typeof value === 'object') {
      out[key] = JSON.stringify(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Record properties with the phones in their normalised form (the raw list replaced). */
function withPhones(properties: Row, phones: string[]): Row {
  return phones.length ? { ...properties, phones } : properties;
}

function defined(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hash of a row's content with keys in a stable order. */
function contentHash(row: Row): string {
  return sha256(stableStringify(row)).slice(0, 32);
}

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Row)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
