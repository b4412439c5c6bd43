/**
 * Indexes over a projection that many detectors need (bids by lot and by bidder, a lot's project,
 * its market, value rarity), built once per scoring run and handed to every detector.
 */
import { Bid, Lot, Project, Projection } from './model';
import { Rarity } from './rarity';

export interface Context {
  projection: Projection;
  rarity: Rarity;
  /**
   * Lots to evaluate (incremental rescoring); undefined means all. Lot-level detectors skip other
   * lots; detectors over many lots still read all of them but report only findings that touch one.
   */
  scope?: ReadonlySet<string>;
  bidsOfLot(lot: string): Bid[];
  bidsOfBidder(organization: string): Bid[];
  projectOfLot(lot: string): Project | undefined;
  /** The market a lot belongs to for comparisons: sector × region (first 4 digits: the city). */
  marketOf(lot: string): string;
  /** True when the lot is to be evaluated in this run. */
  inScope(lot: string): boolean;
  /** Lots whose bids are comparable as a market (all lots with at least one bid). */
  lots(): Lot[];
}

export function buildContext(projection: Projection, scope?: ReadonlySet<string>): Context {
  const byLot = new Map<string, Bid[]>();
  const byBidder = new Map<string, Bid[]>();
  for (const bid of projection.bids.values()) {
    let list = byLot.get(bid.lot);
    if (!list) byLot.set(bid.lot, (list = []));
    list.push(bid);
    let own = byBidder.get(bid.bidder);
    if (!own) byBidder.set(bid.bidder, (own = []));
    own.push(bid);
  }
  const projectOfLot = (lot: string) => {
    const l = projection.lots.get(lot);
    return l ? projection.projects.get(l.project) : undefined;
  };
  return {
    projection,
    rarity: Rarity.of(projection),
    scope,
    bidsOfLot: (lot) => byLot.get(lot) ?? [],
    bidsOfBidder: (org) => byBidder.get(org) ?? [],
    projectOfLot,
    marketOf: (lot) => {
      const project = projectOfLot(lot);
      return `${project?.sector ?? 'unknown'}|${(project?.region ?? '').slice(0, 4)}`;
    },
    inScope: (lot) => scope === undefined || scope.has(lot),
    lots: () => [...projection.lots.values()].filter((l) => byLot.has(l.id)),
  };
}

/** A detector: a pure function of the context and its own settings. */
export type Detector<S> = (context: Context, settings: S) => import('./flag').Flag[];
