/**
 * zod schemas of every record type of the trading-data contract, version 1
 * (../shared/design/data-format.md). Known fields are checked and typed; unknown fields pass
 * through untouched so that they can be kept as properties.
 */
import { z } from 'zod';
import { id, isoDate, lowerWord, money, oneOf, region, stringList, text, uscc } from './fields';

/** The process nodes of the contract's `events`, in the order a procedure passes them. */
export const EVENT_KEYS = [
  'approved',
  'announced',
  'docs_from',
  'bid_deadline',
  'opened',
  'evaluated',
  'candidates_published',
  'candidates_until',
  'awarded',
  'contract_signed',
  'completed',
] as const;

const events = z
  .object(
    Object.fromEntries(EVENT_KEYS.map((k) => [k, isoDate.optional()])) as Record<
      (typeof EVENT_KEYS)[number],
      z.ZodOptional<typeof isoDate>
    >,
  )
  .loose();

const person = z
  .object({
    type: z.literal('person'),
    id,
    name: text.optional(),
    id_number: z.string({ error: 'must be a string' }).optional(),
    phones: stringList.optional(),
    emails: stringList.optional(),
    address: text.optional(),
    employer: id.optional(),
    certificates: stringList.optional(),
  })
  .loose();

const organization = z
  .object({
    type: z.literal('organization'),
    id,
    name: text,
    uscc: uscc.optional(),
    region: region.optional(),
    kind: oneOf(['company', 'government', 'agency', 'guarantor', 'bank', 'other']).optional(),
    address: text.optional(),
    phones: stringList.optional(),
    emails: stringList.optional(),
    bank_accounts: stringList.optional(),
    legal_rep: id.optional(),
    founded: isoDate.optional(),
    registered_capital: money.optional(),
  })
  .loose();

const tie = z
  .object({
    type: z.literal('tie'),
    kind: lowerWord,
    from: id,
    to: id,
    share: z
      .number({ error: 'must be a number between 0 and 1' })
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1')
      .optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    note: text.optional(),
    from_type: oneOf(['person', 'organization']).optional(),
    to_type: oneOf(['person', 'organization']).optional(),
  })
  .loose();

const expert = z
  .object({
    type: z.literal('expert'),
    id,
    person: id.optional(),
    name: text.optional(),
    employer: id.optional(),
    former_employers: stringList.optional(),
    region: region.optional(),
    specialties: stringList.optional(),
    phones: stringList.optional(),
    address: text.optional(),
  })
  .loose()
  .refine((r) => r.person !== undefined || r.name !== undefined, {
    error: 'needs either person (a person id) or name',
    path: ['person'],
  });

const project = z
  .object({
    type: z.literal('project'),
    id,
    name: text,
    tenderer: id,
    region: region.optional(),
    sector: text.optional(),
    agent: id.optional(),
    supervisor: id.optional(),
    procedure: oneOf(['open', 'invited', 'negotiation', 'single_source', 'inquiry', 'other']).optional(),
    budget: money.optional(),
    currency: text.optional(),
    source: text.optional(),
    project_code: z
      .string({ error: 'must be a string' })
      .refine((s) => /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/.test(s.trim()), {
        error: (i) => `must look like 2017-410102-48-01-012345, got ${JSON.stringify(i.input)}`,
      })
      .transform((s) => s.trim())
      .optional(),
    category: oneOf(['works', 'goods', 'services']).optional(),
    events: events.optional(),
  })
  .loose();

const lot = z
  .object({
    type: z.literal('lot'),
    id,
    project: id,
    name: text.optional(),
    ceiling_price: money.optional(),
    estimate: money.optional(),
    events: events.optional(),
  })
  .loose();

const bid = z
  .object({
    type: z.literal('bid'),
    id,
    lot: id,
    bidder: id,
    price: money,
    submitted_at: isoDate.optional(),
    ip: text.optional(),
    mac: text.optional(),
    machine_code: text.optional(),
    ca_cert: text.optional(),
    doc_hash: text.optional(),
    doc_author: text.optional(),
    bond_account: text.optional(),
    bond_payer: id.optional(),
    contact_phone: text.optional(),
    contact_person: id.optional(),
    project_manager: id.optional(),
    agent_person: id.optional(),
    rank: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).optional(),
    score: z.number({ error: 'must be a number' }).optional(),
    status: oneOf(['valid', 'rejected', 'withdrawn']).optional(),
    won: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .loose();

const evaluation = z
  .object({
    type: z.literal('evaluation'),
    lot: id,
    expert: id,
    bidder: id,
    score: z.number({ error: (i) => `must be a number, got ${JSON.stringify(i.input)}` }),
    criterion: text.optional(),
    at: isoDate.optional(),
  })
  .loose();

const panel = z
  .object({
    type: z.literal('panel'),
    lot: id,
    experts: z.array(id, { error: 'must be a list of expert ids' }).min(1, 'must name at least one expert'),
    drawn_at: isoDate.optional(),
    chair: id.optional(),
  })
  .loose();

const sanction = z
  .object({
    type: z.literal('sanction'),
    id: id.optional(),
    entity: id,
    kind: lowerWord,
    date: isoDate.optional(),
    until: isoDate.optional(),
    authority: id.optional(),
    reason: text.optional(),
    scope: z
      .string({ error: 'must be a string' })
      .refine((s) => /^(all|tendering|procurement|region:\d{2,6})$/.test(s), {
        error: (i) => `must be all, tendering, procurement or region:<division code>, got ${JSON.stringify(i.input)}`,
      })
      .optional(),
    source: text.optional(),
  })
  .loose()
  .refine((r) => r.date === undefined || r.until === undefined || r.until.slice(0, 10) >= r.date.slice(0, 10), {
    error: 'must not be before date',
    path: ['until'],
  });

const approval = z
  .object({
    type: z.literal('approval'),
    id,
    project_code: z
      .string({ error: 'must be a string' })
      .refine((s) => /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/.test(s.trim()), {
        error: (i) => `must look like 2017-410102-48-01-012345, got ${JSON.stringify(i.input)}`,
      })
      .transform((s) => s.trim()),
    kind: oneOf(['approval', 'ratification', 'filing']),
    name: text.optional(),
    authority: id.optional(),
    approved_at: isoDate.optional(),
    investment: money.optional(),
    tendering_mode: oneOf(['open', 'invited', 'none']).optional(),
    tendering_scope: z.array(oneOf(['works', 'goods', 'services'])).optional(),
    region: region.optional(),
  })
  .loose();

/** One schema per record type, keyed by the record's `type`. */
export const RECORD_SCHEMAS = {
  organization,
  person,
  tie,
  expert,
  project,
  lot,
  bid,
  evaluation,
  panel,
  sanction,
  approval,
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
export type TradingRecord = { [K in RecordType]: z.output<(typeof RECORD_SCHEMAS)[K]> }[RecordType];
export type RecordOf<K extends RecordType> = z.output<(typeof RECORD_SCHEMAS)[K]>;

/** Order in which a CSV folder's files are loaded, referenced entities first, to keep placeholders few. */
export const LOAD_ORDER: RecordType[] = [
  'organization',
  'person',
  'expert',
  'tie',
  'approval',
  'project',
  'lot',
  'bid',
  'panel',
  'evaluation',
  'sanction',
];

/** Fields whose CSV cells are numbers, booleans or `;`-separated lists, per record type. */
export const CSV_FIELD_KINDS: Record<RecordType, Record<string, 'number' | 'boolean' | 'list'>> = {
  organization: { registered_capital: 'number', phones: 'list', emails: 'list', bank_accounts: 'list' },
  person: { phones: 'list', emails: 'list', certificates: 'list' },
  tie: { share: 'number' },
  expert: { former_employers: 'list', specialties: 'list', phones: 'list' },
  project: { budget: 'number' },
  lot: { ceiling_price: 'number', estimate: 'number' },
  bid: { price: 'number', rank: 'number', score: 'number', won: 'boolean' },
  evaluation: { score: 'number' },
  panel: { experts: 'list' },
  sanction: {},
  approval: { investment: 'number', tendering_scope: 'list' },
};
