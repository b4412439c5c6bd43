import { DEFAULTS, detect } from './affiliated-bidders';
import { fixture, Fixture } from './test-builders';

/** A lot L-1 (opened 2024-05-10) with the bidders ORG-A, ORG-B and an unrelated ORG-C. */
function lotOfThree(): Fixture {
  const f = fixture();
  f.lot('L-1', { events: { opened: '2024-05-10T09:30:00+08:00' } });
  f.bid('B-1', 'L-1', 'ORG-A', 100);
  f.bid('B-2', 'L-1', 'ORG-B', 101);
  f.bid('B-3', 'L-1', 'ORG-C', 102);
  return f;
}

/** [entities, score] of every flag, by entities. */
const scores = (f: Fixture) =>
  detect(f.context(), DEFAULTS)
    .map((flag) => [flag.entities.join(' '), flag.score])
    .sort(([x], [y]) => String(x).localeCompare(String(y)));

describe('affiliated-bidders', () => {
  it('flags a common legal representative as one hop', () => {
    const f = lotOfThree();
    f.person('PER-1');
    f.org('ORG-A', { legalRep: 'PER-1' });
    f.org('ORG-B', { legalRep: 'PER-1' });
    const [flag, ...rest] = detect(f.context(), DEFAULTS);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ score: 0.95, entities: ['ORG-A', 'ORG-B', 'PER-1'], bids: ['B-1', 'B-2'] });
    expect(flag.evidence[0]).toMatchObject({ kind: 'tie-path', data: { hops: 1, path: ['ORG-A', 'PER-1', 'ORG-B'] } });
    expect(flag.basis).toContain('Art. 34(2)');
  });

  it('scores a direct shareholding, a common holding and a three-hop ownership chain by length', () => {
    const direct = lotOfThree();
    direct.tie('shareholder', 'ORG-A', 'ORG-B', { share: 0.3 });
    expect(scores(direct)).toEqual([['ORG-A ORG-B', 0.95]]);

    const holding = lotOfThree();
    holding.tie('shareholder', 'HOLD-1', 'ORG-A', { share: 0.6 });
    holding.tie('shareholder', 'HOLD-1', 'ORG-C', { share: 0.5 });
    expect(scores(holding)).toEqual([['HOLD-1 ORG-A ORG-C', 0.85]]);

    const chain = lotOfThree();
    chain.org('ORG-A', { legalRep: 'PER-1' });
    chain.tie('shareholder', 'PER-1', 'HOLD-1', { share: 0.8 });
    chain.tie('shareholder', 'HOLD-1', 'HOLD-2', { share: 0.6 });
    chain.tie('shareholder', 'HOLD-2', 'ORG-B', { share: 0.5 });
    const [flag] = detect(chain.context(), DEFAULTS);
    expect(flag.score).toBe(0.7);
    expect(flag.evidence.filter((e) => e.kind === 'tie').map((e) => e.text)).toEqual([
      'PER-1 is the legal representative of ORG-A',
      'PER-1 holds 80% of HOLD-1',
      'HOLD-1 holds 60% of HOLD-2',
      'HOLD-2 holds 50% of ORG-B',
    ]);

    chain.tie('shareholder', 'HOLD-2', 'HOLD-3', { share: 0.9 });
    chain.projection.ties = chain.projection.ties.filter((t) => t.to !== 'ORG-B');
    chain.tie('shareholder', 'HOLD-3', 'ORG-B', { share: 0.9 });
    expect(scores(chain)).toEqual([]); // four hops
  });

  it('flags a declared common controller and a parent company', () => {
    const f = lotOfThree();
    f.tie('same_controller', 'ORG-A', 'ORG-B');
    f.tie('parent_company', 'ORG-C', 'ORG-B');
    // A and C are not linked: C controls B, but B's common controller with A need not be C.
    expect(scores(f)).toEqual([
      ['ORG-A ORG-B', 0.95],
      ['ORG-B ORG-C', 0.95],
    ]);
  });

  it('finds nothing for a corporate group never in one lot, a joint venture, state ownership or a small stake', () => {
    const f = lotOfThree();
    f.bid('B-9', 'L-9', 'SUB-1', 100);
    f.bid('B-8', 'L-8', 'SUB-2', 100);
    f.tie('parent_company', 'GROUP', 'SUB-1');
    f.tie('parent_company', 'GROUP', 'SUB-2');
    f.tie('shareholder', 'ORG-A', 'JV-1', { share: 0.5 }); // both hold a joint venture: no control between them
    f.tie('shareholder', 'ORG-B', 'JV-1', { share: 0.5 });
    f.org('SASAC', { kind: 'government' });
    f.tie('shareholder', 'SASAC', 'ORG-B', { share: 1 });
    f.tie('shareholder', 'SASAC', 'ORG-C', { share: 1 });
    f.tie('shareholder', 'ORG-A', 'ORG-C', { share: 0.05 });
    expect(scores(f)).toEqual([]);
  });

  it('reads ties as of the lot opening, skips out-of-scope lots and never pairs a bidder with itself', () => {
    const f = lotOfThree();
    f.tie('executive', 'PER-2', 'ORG-A', { until: '2023-12-31' });
    f.tie('legal_rep', 'PER-2', 'ORG-B');
    f.bid('B-4', 'L-1', 'ORG-A', 99);
    f.tie('shareholder', 'ORG-A', 'ORG-A', { share: 1 });
    expect(scores(f)).toEqual([]);
    f.projection.ties[0].until = undefined;
    expect(detect(f.context(), DEFAULTS).map((flag) => [flag.score, flag.bids])).toEqual([
      [0.95, ['B-1', 'B-2', 'B-4']],
    ]);
    expect(detect(f.context(['L-2']), DEFAULTS)).toEqual([]);
  });
});
