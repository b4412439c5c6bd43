/**
 * The public shape of a credit-platform sanction (信用平台 record) and of an investment approval
 * (投资项目审批/核准/备案 record), as the entity, project and approval routes show them: the record's
 * fields, whom it was found through, and whether the sanction bars bidding and is in force today.
 */
import { z } from 'zod';
import { publicProps } from './record';

/**
 * Sanction kinds that bar a party from bidding or from sitting on a panel (data-format.md);
 * `warning` and any other kind are shown but bar nobody.
 */
export const BARRING_KINDS = new Set([
  'dishonest_debtor',
  'tax_violation',
  'procurement_debarment',
  'bidding_ban',
  'bribery',
  'expert_removed',
]);

export const SanctionSchema = z
  .object({
    id: z.string(),
    entity: z.string().describe('the sanctioned organisation, person or expert'),
    kind: z.string(),
    date: z.string().nullable(),
    until: z.string().nullable().describe('null: open-ended'),
    scope: z.string().nullable().describe('all, tendering, procurement or region:<code>'),
    authority: z.string().nullable(),
    reason: z.string().nullable(),
    source: z.string().nullable(),
    via: z
      .enum(['self', 'person', 'legal_rep'])
      .describe('on the entity itself, on an expert’s person, or on an organisation’s legal representative'),
    bars: z.boolean().describe('the kind bars bidding (or, for experts, evaluating); false for warning'),
    in_force: z.boolean().describe('today lies between date and until'),
  })
  .meta({ id: 'Sanction' });

export type SanctionView = z.infer<typeof SanctionSchema>;

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** A row of entity-sanctions.cypher ({via, holder, sanction}) made public, judged as of `today` (YYYY-MM-DD). */
export function sanctionView(row: Record<string, unknown>, today: string): SanctionView {
  const s = row.sanction as Record<string, unknown>;
  const date = str(s.date);
  const until = str(s.until);
  const kind = String(s.kind);
  return {
    id: String(s.id),
    entity: String(s.entity),
    kind,
    date,
    until,
    scope: str(s.scope),
    authority: str(s.authority),
    reason: str(s.reason),
    source: str(s.source),
    via: row.via as SanctionView['via'],
    bars: BARRING_KINDS.has(kind),
    in_force: date !== null && date.slice(0, 10) <= today && (until === null || until.slice(0, 10) >= today),
  };
}

export const ApprovalSchema = z
  .object({
    id: z.string(),
    project_code: z.string(),
    kind: z.string().describe('approval 审批, ratification 核准 or filing 备案'),
    properties: z.record(z.string(), z.unknown()).describe('every stored field of the record'),
  })
  .meta({ id: 'Approval' });

/** An Approval node's properties made public. */
export function approvalView(props: Record<string, unknown>): z.infer<typeof ApprovalSchema> {
  return {
    id: String(props.id),
    project_code: String(props.project_code),
    kind: String(props.kind),
    properties: publicProps(props),
  };
}
