/**
 * The public shape of a flag, the same in the API, the feed, webhooks and `collusion flags`:
 * input-data ids for entities, parsed evidence, status and its triage. Internal bookkeeping
 * (hash, run id, the values a triage cites) stays inside.
 */
import { z } from 'zod';

export const FlagSchema = z
  .object({
    id: z.string(),
    detector: z.string(),
    score: z.number(),
    severity: z.enum(['low', 'medium', 'high']),
    lot: z.string().optional(),
    project: z.string().optional(),
    lots: z.array(z.string()),
    entities: z.array(z.string()),
    bids: z.array(z.string()),
    basis: z.string(),
    summary: z.string(),
    evidence: z.array(
      z.object({ kind: z.string(), text: z.string(), data: z.record(z.string(), z.unknown()).optional() }),
    ),
    status: z.enum(['open', 'confirmed', 'dismissed', 'benign', 'retired']),
    active: z.boolean(),
    first_seen: z.string(),
    last_seen: z.string(),
    changed_at: z.string(),
    retired_at: z.string().optional(),
    triage: z.object({ by: z.string(), at: z.string(), note: z.string().nullable() }).optional(),
  })
  .meta({ id: 'Flag' });

export type FlagView = z.infer<typeof FlagSchema>;

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const strs = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

export function flagView(p: Record<string, unknown>): FlagView {
  return {
    id: String(p.id),
    detector: String(p.detector),
    score: Number(p.score),
    severity: p.severity as FlagView['severity'],
    ...(p.lot ? { lot: String(p.lot) } : {}),
    ...(p.project ? { project: String(p.project) } : {}),
    lots: strs(p.lots),
    entities: strs(p.entities),
    bids: strs(p.bids),
    basis: String(p.basis ?? ''),
    summary: String(p.summary ?? ''),
    evidence: JSON.parse(String(p.evidence ?? '[]')) as FlagView['evidence'],
    status: p.status as FlagView['status'],
    active: p.active === true,
    first_seen: String(p.first_seen),
    last_seen: String(p.last_seen),
    changed_at: String(p.changed_at ?? p.last_seen),
    ...(p.retired_at ? { retired_at: String(p.retired_at) } : {}),
    ...(p.triaged_by
      ? { triage: { by: String(p.triaged_by), at: String(p.triaged_at), note: str(p.triage_note) ?? null } }
      : {}),
  };
}
