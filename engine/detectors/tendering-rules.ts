/**
 * What the approval detectors (approval-mismatch, split-to-avoid-tendering) share about a project:
 * the mandatory-tendering thresholds of 《必须招标的工程项目规定》 (国家发展改革委令第16号, 2018)
 * Art. 5, the project's lots, what it was awarded and when it was announced, and how an approval
 * is cited as evidence.
 */
import { Context } from '../context';
import { Evidence } from '../flag';
import { Approval, Bid, Lot, Project, Projection } from '../model';

/** Thresholds in yuan at or above which a contract must be tendered, per category. */
export interface Thresholds {
  /** Works (施工) [4,000,000]. */
  worksThreshold: number;
  /** Goods (重要设备、材料) [2,000,000]. */
  goodsThreshold: number;
  /** Services (勘察、设计、监理) [1,000,000]. */
  servicesThreshold: number;
}

export const THRESHOLDS: Thresholds = {
  worksThreshold: 4_000_000,
  goodsThreshold: 2_000_000,
  servicesThreshold: 1_000_000,
};

/** The threshold of a category; undefined for a project without a known category. */
export function thresholdOf(category: string | undefined, thresholds: Thresholds): number | undefined {
  if (category === 'works') return thresholds.worksThreshold;
  if (category === 'goods') return thresholds.goodsThreshold;
  if (category === 'services') return thresholds.servicesThreshold;
  return undefined;
}

/** Every project's lots, in id order. */
export function lotsByProject(projection: Projection): Map<string, Lot[]> {
  const out = new Map<string, Lot[]>();
  for (const lot of [...projection.lots.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const list = out.get(lot.project);
    if (list) list.push(lot);
    else out.set(lot.project, [lot]);
  }
  return out;
}

/** The winning bids of some lots, in id order. */
export function winningBids(context: Context, lots: Lot[]): Bid[] {
  return lots
    .flatMap((lot) => context.bidsOfLot(lot.id).filter((b) => b.won === true))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The sum of winning prices; undefined when nothing was awarded. */
export function awardedAmount(winners: Bid[]): number | undefined {
  return winners.length ? winners.reduce((sum, b) => sum + b.price, 0) : undefined;
}

/** The date part (YYYY-MM-DD) of an ISO date; undefined when missing or not a date. */
export function isoDay(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10)))
    ? value.slice(0, 10)
    : undefined;
}

/** When the project was announced: its own `announced`, else its lots' earliest. */
export function announcedOf(project: Project, lots: Lot[]): string | undefined {
  const own = isoDay(project.events.announced);
  if (own) return own;
  const dates = lots.map((l) => isoDay(l.events.announced)).filter((d): d is string => d !== undefined);
  return dates.sort()[0];
}

/** The approval record as evidence: what was approved, by whom, when and for how much. */
export function approvalEvidence(approval: Approval): Evidence {
  return {
    kind: 'approval',
    text: `Approval ${approval.id} (${approval.kind}) of ${approval.projectCode}: approved ${approval.approvedAt ?? '?'}, investment ${approval.investment ?? '?'}, tendering mode ${approval.tenderingMode ?? 'none given'}.`,
    data: {
      approval: approval.id,
      kind: approval.kind,
      authority: approval.authority ?? null,
      approved_at: approval.approvedAt ?? null,
      investment: approval.investment ?? null,
      tendering_mode: approval.tenderingMode ?? null,
      tendering_scope: approval.tenderingScope,
    },
  };
}
