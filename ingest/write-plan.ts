/**
 * How one batch of records of a type is written: nodes first (skipping unchanged records by
 * content hash), then — for new or changed records only — removal of the links a changed record
 * had, placeholders for referenced ids, shared-value nodes, and last the relationships, each a
 * small `UNWIND` statement of cypher/load/ inside one transaction. Small single-purpose
 * statements avoid the Eager barriers that one big MERGE-everything statement gets.
 */
import { Tx } from '../cypher/runner';
import { Row } from './prepare';
import { RecordType } from './records/schemas';

type RefLabel = 'Organization' | 'Person' | 'Expert' | 'Project' | 'Lot';
type ValueLabel =
  | 'IP'
  | 'MAC'
  | 'MachineCode'
  | 'Certificate'
  | 'DocHash'
  | 'DocAuthor'
  | 'BankAccount'
  | 'Phone'
  | 'Email'
  | 'Address'
  | 'Qualification';

interface EntityPlan {
  /** Row fields holding ids of other entities, and their label. */
  refs: [string, RefLabel][];
  /** Row fields holding shared values, and the label of their nodes. */
  values: [string, ValueLabel][];
}

const ENTITY_PLANS: Partial<Record<RecordType, EntityPlan>> = {
  organization: {
    refs: [['legal_rep', 'Person']],
    values: [
      ['phones', 'Phone'],
      ['emails', 'Email'],
      ['address', 'Address'],
      ['accounts', 'BankAccount'],
    ],
  },
  person: {
    refs: [['employer', 'Organization']],
    values: [
      ['phones', 'Phone'],
      ['emails', 'Email'],
      ['address', 'Address'],
      ['qualifications', 'Qualification'],
    ],
  },
  expert: {
    refs: [
      ['person', 'Person'],
      ['employer', 'Organization'],
      ['former', 'Organization'],
    ],
    values: [
      ['phones', 'Phone'],
      ['address', 'Address'],
    ],
  },
  project: {
    refs: [
      ['tenderer', 'Organization'],
      ['agent', 'Organization'],
      ['supervisor', 'Organization'],
    ],
    values: [],
  },
  lot: { refs: [['project', 'Project']], values: [] },
  bid: {
    refs: [
      ['lot', 'Lot'],
      ['bidder', 'Organization'],
      ['contact', 'Person'],
      ['manager', 'Person'],
      ['agent', 'Person'],
      ['payerOrg', 'Organization'],
    ],
    values: [
      ['ip', 'IP'],
      ['mac', 'MAC'],
      ['machine', 'MachineCode'],
      ['cert', 'Certificate'],
      ['doc', 'DocHash'],
      ['author', 'DocAuthor'],
      ['account', 'BankAccount'],
      ['phone', 'Phone'],
    ],
  },
  approval: { refs: [], values: [] },
  sanction: { refs: [], values: [] },
};

function distinct(rows: Row[], fields: string[]): string[] {
  const out = new Set<string>();
  for (const row of rows) {
    for (const field of fields) {
      const value = row[field];
      if (Array.isArray(value)) value.forEach((v) => out.add(String(v)));
      else if (value !== undefined && value !== null) out.add(String(value));
    }
  }
  return [...out];
}

function labelsOf<L extends string>(pairs: [string, L][]): Map<L, string[]> {
  const byLabel = new Map<L, string[]>();
  for (const [field, label] of pairs) byLabel.set(label, [...(byLabel.get(label) ?? []), field]);
  return byLabel;
}

/**
 * A bond payer is a Person when one with that id is loaded, or is in the source being loaded
 * (`sourcePersons`: it may still sit in a buffer), otherwise an Organization.
 */
async function resolvePayers(tx: Tx, rows: Row[], sourcePersons: ReadonlySet<string>): Promise<Row[]> {
  const payers = distinct(rows, ['payer']);
  const persons = new Set(
    payers.length ? (await tx.run('load/bid/payers', { ids: payers })).rows.map((r) => String(r.id)) : [],
  );
  for (const payer of payers) if (sourcePersons.has(String(payer))) persons.add(String(payer));
  return rows.map((row) => {
    const payer = row.payer as string | null;
    return {
      ...row,
      payerPerson: payer !== null && persons.has(payer) ? [payer] : [],
      payerOrg: payer !== null && !persons.has(payer) ? [payer] : [],
    };
  });
}

/** Record types without a node of their own: the ids they refer to, made sure of before the statement. */
const RELATION_REFS: Partial<Record<RecordType, [string, RefLabel][]>> = {
  evaluation: [
    ['expert', 'Expert'],
    ['bidder', 'Organization'],
    ['lot', 'Lot'],
  ],
  panel: [
    ['lot', 'Lot'],
    ['experts', 'Expert'],
  ],
};

async function ensureRefs(tx: Tx, rows: Row[], refs: [string, RefLabel][], load: string): Promise<void> {
  for (const [label, fields] of labelsOf(refs)) {
    const ids = distinct(rows, fields);
    if (ids.length) await tx.run(`load/placeholders/${label}`, { ids, load });
  }
}

/** Writes one batch of one record type; returns how many records were new or changed. */
/**
 * A tie side the kind does not fix is a Person when the source being loaded has a person with that
 * id, even one not written yet; otherwise tie.cypher decides from what is loaded.
 */
function resolveTieSides(rows: Row[], sourcePersons: ReadonlySet<string>): Row[] {
  const side = (label: unknown, id: unknown) => label ?? (sourcePersons.has(String(id)) ? 'Person' : null);
  return rows.map((row) => ({ ...row, fromLabel: side(row.fromLabel, row.from), toLabel: side(row.toLabel, row.to) }));
}

export async function writeBatch(
  tx: Tx,
  type: RecordType,
  rows: Row[],
  load: string,
  sourcePersons: ReadonlySet<string> = new Set(),
): Promise<number> {
  const plan = ENTITY_PLANS[type];
  if (type === 'tie') rows = resolveTieSides(rows, sourcePersons);
  if (!plan) {
    await ensureRefs(tx, rows, RELATION_REFS[type] ?? [], load);
    const { rows: result } = await tx.run(`load/${type}`, { rows, load });
    return Number(result[0]?.changed ?? 0);
  }
  const nodeRows = rows.map((r) => ({ id: r.id, hash: r.hash, props: r.props }));
  const { rows: changedRows } = await tx.run(`load/${type}/nodes`, { rows: nodeRows, load });
  if (changedRows.length === 0) return 0;
  const existed = changedRows.filter((r) => r.existed === true).map((r) => r.id);
  if (existed.length > 0) await tx.run(`load/${type}/detach`, { ids: existed });
  const changedIds = new Set(changedRows.map((r) => String(r.id)));
  let changed = rows.filter((r) => changedIds.has(String(r.id))).map(({ props: _props, ...rest }) => rest);
  if (type === 'bid') changed = await resolvePayers(tx, changed, sourcePersons);
  await ensureRefs(tx, changed, plan.refs, load);
  for (const [label, fields] of labelsOf(plan.values)) {
    const values = distinct(changed, fields);
    if (values.length) await tx.run(`load/values/${label}`, { values, load });
  }
  await tx.run(`load/${type}/links`, { rows: changed });
  return changed.length;
}
