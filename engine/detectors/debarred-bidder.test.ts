import { buildContext } from '../context';
import { flagId } from '../flag';
import { emptyProjection, Projection, Sanction } from '../model';
import { addExpert, addOrg, addPanel, addPerson, day, tender } from './behaviour-builders';
import { DEFAULTS, detect } from './debarred-bidder';

/** Lot L1 of a works project in district 410105: A (winner), B, C bid on day 100, evaluated on day 101. */
function lot(p: Projection, sector = 'construction', id = 'L1'): void {
  tender(p, {
    lot: id,
    bidders: ['A', 'B', 'C'],
    winner: 'A',
    date: day(100),
    project: { sector, region: '410105' },
    lotFields: { events: { opened: day(100), evaluated: day(101) } },
  });
}

const ban = (id: string, entity: string, fields: Partial<Sanction> = {}): Sanction => ({
  id,
  entity,
  kind: 'bidding_ban',
  date: day(10),
  until: day(200),
  scope: 'all',
  authority: 'DEPT',
  reason: '串通投标，取消投标资格',
  source: '信用中国',
  ...fields,
});

const run = (p: Projection) => detect(buildContext(p), DEFAULTS);

describe('debarred-bidder', () => {
  it('flags a barred bidder’s bid, high when it won, citing the sanction and the bid', () => {
    const p = emptyProjection();
    lot(p);
    p.sanctions.push(ban('S1', 'A'), ban('S2', 'B', { until: undefined }));
    const flags = run(p);
    const of = (bidder: string) => flags.find((f) => f.entities.includes(bidder));
    expect(flags).toHaveLength(2);
    expect(of('A')).toMatchObject({ lot: 'L1', project: 'P-L1', entities: ['A'], bids: ['L1-A'], score: 0.9 });
    expect(of('A')?.severity).toBe('high');
    expect(of('A')?.id).toBe(flagId('debarred-bidder', ['L1', 'A', 'S1']));
    expect(of('A')?.summary).toBe(
      `Pattern found: A bid in L1 on ${day(100)} and won while it was under bidding_ban sanction S1 (${day(10)} – ${day(200)}, scope all).`,
    );
    expect(of('A')?.evidence[0]).toMatchObject({
      kind: 'sanction',
      data: { sanction: 'S1', kind: 'bidding_ban', date: day(10), until: day(200), scope: 'all', authority: 'DEPT' },
    });
    expect(of('A')?.evidence[1]).toMatchObject({
      kind: 'bid',
      data: { bid: 'L1-A', date: day(100), price: 900_000, won: true, path: 'itself' },
    });
    expect(of('B')).toMatchObject({ score: 0.7, severity: 'medium' });
    expect(of('B')?.evidence[0].data).toMatchObject({ until: null });
  });

  it('reaches through the legal representative (record or tie) and the named project manager', () => {
    const p = emptyProjection();
    lot(p);
    addOrg(p, 'A', { legalRep: 'PA' });
    addPerson(p, 'PA');
    p.ties.push({ kind: 'legal_rep', from: 'PB', to: 'B' });
    p.bids.get('L1-C')!.projectManager = 'PM';
    p.sanctions.push(
      ban('S1', 'PA', { kind: 'dishonest_debtor' }),
      ban('S2', 'PB', { kind: 'tax_violation' }),
      ban('S3', 'PM', { kind: 'bribery' }),
    );
    const flags = run(p);
    expect(flags.map((f) => [f.entities, f.score])).toEqual(
      expect.arrayContaining([
        [['PA', 'A'], 0.855],
        [['PB', 'B'], 0.665],
        [['PM', 'C'], 0.63],
      ]),
    );
    const viaRep = flags.find((f) => f.entities[0] === 'PA');
    expect(viaRep?.summary).toContain('while its legal representative PA was under dishonest_debtor sanction S1');
    expect(viaRep?.evidence[1].data).toMatchObject({ path: 'legal representative' });
  });

  it('leaves warnings, lapsed bans, other regions, other kinds and undated sanctions alone', () => {
    const p = emptyProjection();
    lot(p);
    p.sanctions.push(
      ban('S1', 'A', { kind: 'warning', until: undefined }),
      ban('S2', 'A', { until: day(99) }),
      ban('S3', 'B', { scope: 'region:410300' }),
      ban('S4', 'B', { kind: 'expert_removed' }),
      ban('S5', 'C', { date: undefined }),
      ban('S6', 'C', { kind: 'blacklist' }),
      ban('S7', 'C', { date: day(101) }),
    );
    expect(run(p)).toEqual([]);
  });

  it('keeps a ban to its scope: a city or district region, tendering, procurement-only kinds', () => {
    const p = emptyProjection();
    lot(p);
    lot(p, 'government_procurement', 'L2');
    p.sanctions.push(
      ban('S1', 'A', { scope: 'region:410100' }),
      ban('S2', 'B', { scope: 'region:410105', until: day(100) }),
      ban('S3', 'C', { scope: 'tendering' }),
      ban('S4', 'A', { kind: 'procurement_debarment', scope: 'procurement' }),
      ban('S5', 'B', { kind: 'procurement_debarment', scope: 'all' }),
    );
    const found = run(p)
      .map((f) => `${f.lot} ${f.entities[0]} ${f.evidence[0].data?.sanction}`)
      .sort();
    expect(found).toEqual(['L1 A S1', 'L1 B S2', 'L1 C S3', 'L2 A S1', 'L2 A S4', 'L2 B S2', 'L2 B S5']);
  });

  it('dates a bid by its submission, else the lot’s opening, and skips bids with no date', () => {
    const p = emptyProjection();
    lot(p);
    p.bids.get('L1-A')!.submittedAt = `${day(98)}T09:00:00+08:00`;
    p.sanctions.push(ban('S1', 'A', { date: day(99) }), ban('S2', 'B', { date: day(99) }));
    expect(run(p).map((f) => f.entities[0])).toEqual(['B']);
    p.lots.get('L1')!.events = {};
    p.projects.get('P-L1')!.events = {};
    expect(run(p)).toEqual([]);
  });

  it('flags an expert under a barring sanction on the panel, directly or through its person', () => {
    const p = emptyProjection();
    lot(p);
    addExpert(p, 'E1');
    addExpert(p, 'E2', { person: 'PE2' });
    addExpert(p, 'E3');
    addExpert(p, 'E4');
    addPanel(p, 'L1', ['E1', 'E2', 'E3', 'E4']);
    p.sanctions.push(
      ban('S1', 'E1', { kind: 'expert_removed', until: undefined }),
      ban('S2', 'PE2', { kind: 'dishonest_debtor' }),
      ban('S3', 'E3', { kind: 'warning' }),
      ban('S4', 'E4', { kind: 'expert_removed', date: day(102) }),
    );
    const flags = run(p);
    expect(flags.map((f) => [f.entities, f.score])).toEqual(
      expect.arrayContaining([
        [['E1'], 0.9],
        [['PE2', 'E2'], 0.7],
      ]),
    );
    expect(flags).toHaveLength(2);
    const e1 = flags.find((f) => f.entities[0] === 'E1');
    expect(e1?.bids).toEqual([]);
    expect(e1?.summary).toBe(
      `Pattern found: expert E1 sat on the panel of L1 on ${day(101)} while under expert_removed sanction S1 (${day(10)} – open-ended).`,
    );
  });

  it('checks only lots in scope', () => {
    const p = emptyProjection();
    lot(p);
    p.sanctions.push(ban('S1', 'A'));
    expect(detect(buildContext(p, new Set(['L2'])), DEFAULTS)).toEqual([]);
  });
});
