/**
 * Fixture builder for the pairwise and price detector tests: adds organisations, persons, lots
 * (each with its own project), bids and ties to an empty projection, filling in what a test does
 * not care about, and builds the context. Test-only; no detector imports it.
 */
import { buildContext, Context } from '../context';
import { Bid, emptyProjection, Lot, Organization, Person, Projection, Tie } from '../model';

/** Project fields a lot's test cares about: they decide its market (sector × city). */
export interface LotOptions extends Partial<Lot> {
  sector?: string;
  region?: string;
}

export interface Fixture {
  projection: Projection;
  /** Adds (or replaces) an organisation, a company by default. */
  org(id: string, fields?: Partial<Organization>): Organization;
  /** Adds (or replaces) a person. */
  person(id: string, fields?: Partial<Person>): Person;
  /** Adds a lot with its own project `P-<lot>` (sector 'works', region '410100' by default). */
  lot(id: string, options?: LotOptions): Lot;
  /** Adds a valid bid; creates the lot and the bidder when missing. */
  bid(id: string, lot: string, bidder: string, price: number, fields?: Partial<Bid>): Bid;
  /** Adds a lot whose bids `<lot>-<i>` by bidders `<prefix><i>` carry the given prices. */
  pricedLot(id: string, prices: number[], options?: LotOptions & { prefix?: string }): Lot;
  /** Adds a tie of the business registry. */
  tie(kind: string, from: string, to: string, fields?: Partial<Tie>): Tie;
  /** The context of the projection, optionally scoped to some lots. */
  context(scope?: string[]): Context;
}

/**
 * A fresh fixture over an empty projection.
 * @example const f = fixture(); f.bid('B-1', 'L-1', 'ORG-1', 100, { mac: 'aa:bb:cc:dd:ee:ff' });
 */
export function fixture(): Fixture {
  const projection = emptyProjection();
  const f: Fixture = {
    projection,
    org(id, fields = {}) {
      const org: Organization = {
        id,
        name: id,
        kind: 'company',
        phones: [],
        emails: [],
        accounts: [],
        placeholder: false,
      };
      Object.assign(org, fields);
      projection.organizations.set(id, org);
      return org;
    },
    person(id, fields = {}) {
      const person: Person = { id, phones: [], ...fields };
      projection.persons.set(id, person);
      return person;
    },
    lot(id, { sector = 'works', region = '410100', ...fields } = {}) {
      const project = `P-${id}`;
      if (!projection.organizations.has('TENDERER')) f.org('TENDERER', { kind: 'government' });
      projection.projects.set(project, {
        id: project,
        name: project,
        tenderer: 'TENDERER',
        sector,
        region,
        events: {},
      });
      const lot: Lot = { id, project, events: {}, bids: [], ...fields };
      projection.lots.set(id, lot);
      return lot;
    },
    bid(id, lot, bidder, price, fields = {}) {
      const owner = projection.lots.get(lot) ?? f.lot(lot);
      if (!projection.organizations.has(bidder)) f.org(bidder);
      const bid: Bid = { id, lot, bidder, price, status: 'valid', ...fields };
      projection.bids.set(id, bid);
      owner.bids.push(id);
      return bid;
    },
    pricedLot(id, prices, { prefix = 'ORG-', ...options } = {}) {
      const lot = f.lot(id, options);
      prices.forEach((price, i) => f.bid(`${id}-${i + 1}`, id, `${prefix}${i + 1}`, price));
      return lot;
    },
    tie(kind, from, to, fields = {}) {
      const tie: Tie = { kind, from, to, ...fields };
      projection.ties.push(tie);
      return tie;
    },
    context: (scope) => buildContext(projection, scope && new Set(scope)),
  };
  return f;
}
