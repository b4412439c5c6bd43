/**
 * Triage: a person confirms, dismisses or marks benign a flag, with a note. The decision is kept
 * on the flag (status, who, when, why, and an append-only log) and feeds the next rescoring:
 * dismissed and benign flags leave the lot and entity risks, each dismissal halves the weight of
 * the shared values the flag cites (engine/rarity.ts), and a benign flag's shared values are
 * marked benign outright. Used by `collusion triage` and the API's PATCH /flags/:id.
 */
import { Graph, Row } from '../cypher/runner';
import { Evidence } from './flag';
import { TriageStatus, ValueKind } from './model';
import { VALUE_KINDS } from './value-kinds';

export interface TriageInput {
  id: string;
  status: TriageStatus;
  note?: string;
  /** Who decided: a key's name in the API, the OS user or --by on the CLI. */
  by: string;
  now?: string;
}

const isValueKind = (kind: unknown): kind is ValueKind => (VALUE_KINDS as readonly unknown[]).includes(kind);

/** The shared values ("kind=value") a flag's evidence cites. */
export function citedValues(evidence: Evidence[]): Array<{ kind: ValueKind; value: string }> {
  const seen = new Map<string, { kind: ValueKind; value: string }>();
  for (const item of evidence) {
    const kind = item.data?.kind ?? item.data?.link;
    const value = item.data?.value;
    if (isValueKind(kind) && typeof value === 'string') seen.set(`${kind}=${value}`, { kind, value });
  }
  return [...seen.values()];
}

/** Records the decision; returns the flag's properties afterwards, or undefined when no flag has the id. */
export async function triageFlag(graph: Graph, input: TriageInput): Promise<Row | undefined> {
  const now = input.now ?? new Date().toISOString();
  return graph.writeTx(async (tx) => {
    const found = (await tx.run('engine/get-flag', { id: input.id })).rows[0]?.flag as Row | undefined;
    if (!found) return undefined;
    const values = citedValues(JSON.parse(String(found.evidence ?? '[]')) as Evidence[]);
    const note = input.note ?? null;
    const entry = JSON.stringify({ status: input.status, by: input.by, at: now, note });
    const { rows } = await tx.run('engine/triage-flag', {
      id: input.id,
      status: input.status,
      note,
      by: input.by,
      now,
      values: values.map((v) => `${v.kind}=${v.value}`),
      entry,
    });
    if (input.status === 'benign' && values.length > 0) {
      await tx.run('engine/benign-from-flag', {
        values,
        note: note ?? `marked benign with flag ${input.id}`,
        flag: input.id,
        now,
      });
    }
    return rows[0]?.flag as Row;
  });
}
