/**
 * Every lot gets a risk score, flagged or not, so supervisors can rank and benchmarks can measure
 * (ROC-AUC, precision at k): the lot's own flags (combined as independent evidence, weighted by
 * detector), its price screens (continuous, also below the flag threshold) and its community
 * context (a high-scoring community with two or more members in the lot).
 */
import { Context } from './context';
import { Community } from './communities';
import { combine, DetectorId, Flag } from './flag';

/** How much a detector's flag speaks to the lot it names (1 = fully). */
const DETECTOR_WEIGHT: Partial<Record<DetectorId, number>> = {
  'shared-fingerprint': 1,
  'shared-people': 1,
  'shared-bond': 0.9,
  'affiliated-bidders': 0.9,
  'identical-prices': 0.9,
  'regular-prices': 0.8,
  'shared-ip': 0.6,
  'price-screens': 0.7,
  'cover-bidding': 0.6,
  'bid-rotation': 0.7,
  'tenderer-favouritism': 0.7,
  'expert-conflict': 0.6,
  'expert-bias': 0.5,
  'process-timing': 0.3,
  'debarred-bidder': 0.8,
  'approval-mismatch': 0.6,
  'split-to-avoid-tendering': 0.6,
  'cartel-community': 0.8,
};

export interface LotRisk {
  lot: string;
  score: number;
  components: Record<string, number>;
}

/**
 * @param screens continuous price-screen score per lot in [0, 1] (may be empty)
 */
export function lotRisks(
  context: Context,
  flags: Flag[],
  communities: Community[],
  screens: Map<string, number>,
): LotRisk[] {
  const byLot = new Map<string, Flag[]>();
  for (const flag of flags) {
    const lots = new Set<string>(flag.lot ? [flag.lot] : []);
    if (!flag.lot) for (const bid of flag.bids) lots.add(context.projection.bids.get(bid)?.lot ?? '');
    for (const lot of lots) if (lot) byLot.set(lot, [...(byLot.get(lot) ?? []), flag]);
  }
  const communityOf = new Map<string, Community>();
  for (const c of communities) for (const m of c.members) communityOf.set(m, c);
  const out: LotRisk[] = [];
  for (const lot of context.lots()) {
    if (!context.inScope(lot.id)) continue;
    const components: Record<string, number> = {};
    for (const flag of byLot.get(lot.id) ?? []) {
      const weighted = flag.score * (DETECTOR_WEIGHT[flag.detector] ?? 0.5);
      components[flag.detector] = Math.max(components[flag.detector] ?? 0, weighted);
    }
    const screen = screens.get(lot.id);
    if (screen !== undefined) components.screens = Math.max(components.screens ?? 0, 0.5 * screen);
    const counts = new Map<Community, number>();
    for (const bid of context.bidsOfLot(lot.id)) {
      const c = communityOf.get(bid.bidder);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const community = Math.max(0, ...[...counts.entries()].filter(([, n]) => n >= 2).map(([c]) => c.score));
    if (community > 0) components.community = 0.6 * community;
    const score = Math.round(combine(Object.values(components)) * 1000) / 1000;
    out.push({ lot: lot.id, score, components });
  }
  return out;
}

/** Entity risk: the combined scores of the active flags that involve the entity. */
export function entityRisks(flags: Flag[]): Map<string, number> {
  const byEntity = new Map<string, number[]>();
  for (const flag of flags) for (const e of flag.entities) byEntity.set(e, [...(byEntity.get(e) ?? []), flag.score]);
  return new Map([...byEntity.entries()].map(([e, scores]) => [e, Math.round(combine(scores) * 1000) / 1000]));
}
