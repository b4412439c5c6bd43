import { buildContext } from '../context';
import { flagId } from '../flag';
import { emptyProjection, Projection } from '../model';
import { addOrg, addPerson, day, tender } from './behaviour-builders';
import { DEFAULTS, detect } from './tenderer-favouritism';

const DEADLINE = `${day(10)}T09:00:00+08:00`;

/** Tenderer T (agent AG): FAV wins four of five lots near the ceiling, against two rivals, in 10-day windows. */
function favoured(p: Projection): void {
  for (let i = 0; i < 4; i += 1) {
    tender(p, {
      lot: `F${i}`,
      tenderer: 'T',
      agent: 'AG',
      project: { events: { docs_from: day(0), bid_deadline: DEADLINE } },
      bidders: ['FAV', `R${i}`, `S${i}`],
      winner: 'FAV',
      bids: {
        FAV: { price: 990_000, submittedAt: i === 3 ? `${day(10)}T09:30:00+08:00` : `${day(9)}T10:00:00+08:00` },
        [`R${i}`]: i === 0 ? { price: 850_000, status: 'rejected' } : { submittedAt: `${day(8)}T10:00:00+08:00` },
      },
    });
  }
  tender(p, { lot: 'F4', tenderer: 'T', agent: 'AG', bidders: ['OTHER', 'R9', 'S9', 'U9'], winner: 'OTHER' });
}

/** Tenderer T2: CHAMP wins four of five lots against seven rivals at 90 % of the ceiling, in 25-day windows. */
function busy(p: Projection): void {
  for (let i = 0; i < 5; i += 1) {
    const bidders = ['CHAMP', ...[1, 2, 3, 4, 5, 6, 7].map((k) => `H${(i + k) % 9}`)];
    tender(p, {
      lot: `B${i}`,
      tenderer: 'T2',
      project: { events: { docs_from: day(0), bid_deadline: day(25) } },
      bidders,
      winner: i < 4 ? 'CHAMP' : bidders[1],
    });
  }
}

describe('tenderer-favouritism', () => {
  it('flags a firm that keeps winning one tenderer’s and agent’s lots near the ceiling', () => {
    const p = emptyProjection();
    favoured(p);
    const flags = detect(buildContext(p), DEFAULTS);
    expect(flags.map((f) => f.id).sort()).toEqual(
      [
        flagId('tenderer-favouritism', ['repeat', 'T', 'FAV']),
        flagId('tenderer-favouritism', ['repeat', 'AG', 'FAV']),
      ].sort(),
    );
    const flag = flags.find((f) => f.entities[0] === 'T');
    expect(flag?.score).toBeGreaterThanOrEqual(0.8);
    expect(flag?.summary).toMatch(/^Pattern of repeated wins found: FAV won 4 of the 5 awarded lots of tenderer T/);
    expect(flag?.evidence[0].data).toMatchObject({
      wins: 4,
      partyLots: 5,
      share: 0.8,
      rates: { nearCeiling: 1, fewRivals: 1, shortWindow: 1, lowestRejected: 0.25, afterDeadline: 0.25 },
    });
    const lots = flag?.evidence.filter((e) => e.kind === 'lot') ?? [];
    expect(lots.map((e) => e.data?.lot)).toEqual(['F0', 'F1', 'F2', 'F3']);
    expect(lots[0].data).toMatchObject({ ratio: 0.99, rivals: 2, windowDays: 10, lowestRejected: true });
    expect(lots[3].text).toBe(
      'F3: won by FAV at 990000; 99% of ceiling 1000000; 2 rival bid(s); 10-day bidding window; winning bid submitted after the deadline.',
    );
  });

  it('flags every award whose winner shares a person or a phone with the tenderer or agent', () => {
    const p = emptyProjection();
    favoured(p);
    addPerson(p, 'PER-1', { employer: 'T' });
    addOrg(p, 'AG', { kind: 'agency', phones: ['0371-1234567'] });
    addOrg(p, 'FAV', { legalRep: 'PER-1', phones: ['0371-1234567'] });
    const links = detect(buildContext(p), DEFAULTS).filter((f) => f.lot !== undefined);
    expect(links).toHaveLength(8);
    const person = links.find((f) => f.id === flagId('tenderer-favouritism', ['link', 'F0', 'T', 'FAV']));
    expect(person).toMatchObject({ lot: 'F0', project: 'P-F0', bids: ['F0-FAV'], score: 0.9 });
    expect(person?.entities).toEqual(['T', 'FAV', 'PER-1']);
    expect(person?.evidence[0].text).toBe('PER-1 is employee of T and legal_rep of FAV.');
    const phone = links.find((f) => f.id === flagId('tenderer-favouritism', ['link', 'F0', 'AG', 'FAV']));
    expect(phone?.evidence[0]).toMatchObject({ kind: 'shared-value', data: { link: 'phone', value: '0371-1234567' } });
  });

  it('leaves a busy winner with many rivals, normal prices and windows alone', () => {
    const p = emptyProjection();
    busy(p);
    expect(detect(buildContext(p), DEFAULTS)).toEqual([]);
    for (const bid of p.bids.values()) if (bid.bidder === 'CHAMP') bid.price = 990_000;
    expect(detect(buildContext(p), DEFAULTS)).toHaveLength(1);
  });

  it('ignores an address shared with a whole office tower', () => {
    const p = emptyProjection();
    busy(p);
    const tower = '郑州市金水区花园路1号国贸大厦';
    for (let i = 0; i < 30; i += 1) addOrg(p, `TOWER${i}`, { address: tower });
    addOrg(p, 'T2', { kind: 'government', address: tower });
    addOrg(p, 'CHAMP', { address: tower });
    expect(detect(buildContext(p), DEFAULTS)).toEqual([]);
  });

  it('reads missing ceilings and dates as unknown, and reports only in-scope findings', () => {
    const p = emptyProjection();
    for (let i = 0; i < 4; i += 1) {
      tender(p, {
        lot: `N${i}`,
        tenderer: 'T3',
        bidders: ['FAV'],
        winner: 'FAV',
        lotFields: { ceilingPrice: undefined },
      });
    }
    const [flag] = detect(buildContext(p), DEFAULTS);
    expect(flag.evidence[0].data).toMatchObject({ rates: { nearCeiling: 0, fewRivals: 1, shortWindow: 0 } });
    expect(flag.evidence[1].text).toBe('N0: won by FAV at 900000; no ceiling; 0 rival bid(s); window unknown.');
    expect(detect(buildContext(p, new Set(['elsewhere'])), DEFAULTS)).toEqual([]);
    expect(detect(buildContext(p, new Set(['N2'])), DEFAULTS)).toHaveLength(1);
  });

  it('needs enough lots of the party for a share to count', () => {
    const p = emptyProjection();
    for (let i = 0; i < 3; i += 1) {
      tender(p, {
        lot: `F${i}`,
        tenderer: 'T',
        bidders: ['FAV', `R${i}`],
        winner: 'FAV',
        bids: { FAV: { price: 990_000 } },
      });
    }
    expect(detect(buildContext(p), DEFAULTS)).toEqual([]);
  });
});
