/**
 * Fixture builders for the behaviour, tenderer, expert and process detector tests: small helpers
 * that add organisations, projects, lots, bids, experts, panels and scores to a projection, with
 * the defaults a test does not care about filled in. Test-only; no detector imports it.
 */
import { Bid, Events, Expert, Lot, Organization, Person, Project, Projection } from '../model';

/** Adds (or replaces) an organisation. */
export function addOrg(p: Projection, id: string, fields: Partial<Organization> = {}): Organization {
  const org: Organization = { id, name: id, phones: [], emails: [], accounts: [], placeholder: false, ...fields };
  p.organizations.set(id, org);
  return org;
}

/** Adds (or replaces) a person. */
export function addPerson(p: Projection, id: string, fields: Partial<Person> = {}): Person {
  const person: Person = { id, phones: [], ...fields };
  p.persons.set(id, person);
  return person;
}

/** Adds (or replaces) an expert. */
export function addExpert(p: Projection, id: string, fields: Partial<Expert> = {}): Expert {
  const expert: Expert = { id, formerEmployers: [], phones: [], ...fields };
  p.experts.set(id, expert);
  return expert;
}

/** Adds a project (an open works tender by default); the tenderer organisation is created if missing. */
export function addProject(p: Projection, id: string, tenderer: string, fields: Partial<Project> = {}): Project {
  if (!p.organizations.has(tenderer)) addOrg(p, tenderer, { kind: 'government' });
  const project: Project = { id, name: id, tenderer, procedure: 'open', category: 'works', events: {}, ...fields };
  p.projects.set(id, project);
  return project;
}

/** Adds a lot to a project (ceiling 1,000,000 by default). */
export function addLot(p: Projection, id: string, project: string, fields: Partial<Lot> = {}): Lot {
  const lot: Lot = { id, project, ceilingPrice: 1_000_000, events: {}, bids: [], ...fields };
  p.lots.set(id, lot);
  return lot;
}

/** Adds a valid bid to a lot (and the bidder organisation if missing). */
export function addBid(
  p: Projection,
  id: string,
  lot: string,
  bidder: string,
  price: number,
  fields: Partial<Bid> = {},
): Bid {
  if (!p.organizations.has(bidder)) addOrg(p, bidder, { kind: 'company' });
  const bid: Bid = { id, lot, bidder, price, status: 'valid', won: false, ...fields };
  p.bids.set(id, bid);
  p.lots.get(lot)?.bids.push(id);
  return bid;
}

/** What `tender` builds: one project with one lot and its bids. */
export interface TenderSpec {
  lot: string;
  tenderer?: string;
  agent?: string;
  /** The lot's opening date; also its bid deadline. */
  date?: string;
  /** Bidders in order; each gets a bid `<lot>-<bidder>` priced 900,000 + 10,000 × its position. */
  bidders: string[];
  winner?: string;
  /** Per-bidder overrides of the bid. */
  bids?: Record<string, Partial<Bid>>;
  project?: Partial<Project>;
  lotFields?: Partial<Lot>;
}

/** Adds a project `P-<lot>` with one lot and its bids, the winner's bid marked won. */
export function tender(p: Projection, spec: TenderSpec): Lot {
  const events: Events = spec.date ? { opened: spec.date, bid_deadline: spec.date } : {};
  addProject(p, `P-${spec.lot}`, spec.tenderer ?? 'TENDERER', { agent: spec.agent, ...spec.project });
  const lot = addLot(p, spec.lot, `P-${spec.lot}`, { events, ...spec.lotFields });
  spec.bidders.forEach((bidder, i) =>
    addBid(p, `${spec.lot}-${bidder}`, spec.lot, bidder, 900_000 + 10_000 * i, {
      won: bidder === spec.winner,
      ...spec.bids?.[bidder],
    }),
  );
  return lot;
}

/** Sits experts on a lot's panel. */
export function addPanel(p: Projection, lot: string, experts: string[]): void {
  p.panels.set(lot, { lot, experts });
}

/** Records an expert's scores for the bidders of a lot (criterion `total`). */
export function addScores(p: Projection, lot: string, expert: string, scores: Record<string, number>): void {
  for (const [bidder, score] of Object.entries(scores)) {
    p.evaluations.push({ lot, expert, bidder, score, criterion: 'total' });
  }
}

/** ISO date `days` after 2024-01-01. */
export function day(days: number): string {
  return new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10);
}
