import { DEFAULTS, detect } from './regular-prices';
import { mulberry32 } from '../stats/prng';
import { fixture } from './test-builders';

describe('regular-prices: progressions in one lot', () => {
  it('flags a three-bid arithmetic progression and a four-bid geometric one', () => {
    const f = fixture();
    f.pricedLot('L-1', [918000, 900000, 936000]);
    f.pricedLot('L-2', [900000, 918000, 936360, 955087.2], { prefix: 'G-' });
    const flags = detect(f.context(), DEFAULTS).sort((x, y) => String(x.lot).localeCompare(String(y.lot)));
    expect(flags.map((flag) => [flag.lot, flag.score, flag.evidence[0].data?.kind])).toEqual([
      ['L-1', 0.7, 'arithmetic'],
      ['L-2', 0.91, 'geometric'],
    ]);
    expect(flags[0]).toMatchObject({ entities: ['ORG-1', 'ORG-2', 'ORG-3'], bids: ['L-1-1', 'L-1-2', 'L-1-3'] });
    expect(flags[0].evidence[0].data).toMatchObject({ step: 18000, fit: 0, chance: 0, lotBids: 3 });
  });

  it('does not fire on honest close prices or on a three-bid run inside a larger lot', () => {
    const f = fixture();
    f.pricedLot('L-1', [1000000, 1000500, 1001000, 1003000, 1010000]);
    f.pricedLot('L-2', [900000, 918000, 936000, 951700, 990000]);
    // Steps 31000 and 31010: within the tolerance (931), but honest prices line up that well in 3e-4 of lots.
    f.pricedLot('L-3', [900000, 931000, 962010]);
    expect(detect(f.context(), DEFAULTS)).toEqual([]);
  });

  it('ignores withdrawn bids, a bidder’s second bid and out-of-scope lots', () => {
    const f = fixture();
    f.pricedLot('L-1', [900000, 918000]);
    f.bid('W-1', 'L-1', 'ORG-9', 936000, { status: 'withdrawn' });
    f.bid('S-1', 'L-1', 'ORG-1', 936000);
    f.pricedLot('L-2', [900000, 918000, 936000]);
    expect(detect(f.context(['L-1']), DEFAULTS)).toEqual([]);
  });
});

describe('regular-prices: a pair keeping one price ratio across lots', () => {
  /** Lots where ORG-A and ORG-B meet with honest rivals; ORG-B bids `ratio(i)` × ORG-A's price. */
  function meetings(count: number, ratio: (i: number) => number) {
    const f = fixture();
    const next = mulberry32(11);
    for (let i = 0; i < count; i += 1) {
      const a = Math.round((850000 + next() * 100000) * 100) / 100;
      f.bid(`A-${i}`, `L-${i}`, 'ORG-A', a);
      f.bid(`B-${i}`, `L-${i}`, 'ORG-B', Math.round(a * ratio(i) * 100) / 100);
      f.bid(`C-${i}`, `L-${i}`, `ORG-C${i}`, Math.round((850000 + next() * 100000) * 100) / 100);
    }
    return f;
  }

  it('flags a constant ratio over three lots as one cross-lot flag', () => {
    const f = meetings(3, () => 1.0312);
    const flags = detect(f.context(['L-2']), DEFAULTS).filter((flag) => flag.lot === undefined);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ score: 0.6, entities: ['ORG-A', 'ORG-B'] });
    expect(flags[0].project).toBeUndefined();
    expect(flags[0].bids).toEqual(['A-0', 'A-1', 'A-2', 'B-0', 'B-1', 'B-2']);
    expect(flags[0].evidence[0].data).toMatchObject({ lots: ['L-0', 'L-1', 'L-2'], lotsKept: 3, lotsMet: 3 });
    expect(flags[0].evidence.slice(1).map((e) => e.data?.lot)).toEqual(['L-0', 'L-1', 'L-2']);
    expect(flags[0].evidence[0].data?.ratio).toBeCloseTo(1.0312, 4);
    expect(detect(f.context(['L-elsewhere']), DEFAULTS)).toEqual([]);
  });

  it('flags an exact ratio in three of nine meetings, but not a loose match among twelve', () => {
    const exact = meetings(9, (i) => (i < 3 ? 1.037 : 0.95 + 0.02 * i));
    const [flag] = detect(exact.context(), DEFAULTS).filter((x) => x.lot === undefined);
    expect(flag.evidence[0].data).toMatchObject({ lotsKept: 3, lotsMet: 9 });
    expect(flag.evidence[0].data?.chance).toBeLessThan(1e-9);

    // 1.0200, 1.0203 and 1.0198 agree within 0.05 %, as rivals meeting twelve times may by chance.
    const loose = meetings(12, (i) => [1.02, 1.0203, 1.0198][i] ?? 0.93 + 0.015 * i);
    expect(detect(loose.context(), DEFAULTS).filter((x) => x.lot === undefined)).toEqual([]);
  });
});
