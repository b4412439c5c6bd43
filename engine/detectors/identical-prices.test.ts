import { DEFAULTS, detect } from './identical-prices';
import { fixture } from './test-builders';

describe('identical-prices', () => {
  it('flags different bidders bidding the same price to the cent, more for more bidders', () => {
    const f = fixture();
    f.lot('L-1', { ceilingPrice: 1_000_000 });
    f.bid('B-1', 'L-1', 'ORG-A', 981234.56);
    f.bid('B-2', 'L-1', 'ORG-B', 981234.56);
    f.bid('B-3', 'L-1', 'ORG-C', 975000);
    f.lot('L-2');
    for (const [i, bidder] of ['ORG-A', 'ORG-B', 'ORG-C'].entries()) f.bid(`B-2${i}`, 'L-2', bidder, 500000.1);
    const flags = detect(f.context(), DEFAULTS).sort((x, y) => String(x.lot).localeCompare(String(y.lot)));
    expect(flags.map((flag) => [flag.lot, flag.score, flag.entities, flag.bids])).toEqual([
      ['L-1', 0.9, ['ORG-A', 'ORG-B'], ['B-1', 'B-2']],
      ['L-2', 0.99, ['ORG-A', 'ORG-B', 'ORG-C'], ['B-20', 'B-21', 'B-22']],
    ]);
    expect(flags[0].summary).toBe('Identical prices found in lot L-1: 2 bidders bid 981234.56');
    expect(flags[0].evidence[0].data).toMatchObject({ bid: 'B-1', bidder: 'ORG-A', price: 981234.56 });
  });

  it('does not fire on prices a cent apart or on bids at the ceiling price', () => {
    const f = fixture();
    f.lot('L-1', { ceilingPrice: 1_000_000 });
    f.bid('B-1', 'L-1', 'ORG-A', 981234.56);
    f.bid('B-2', 'L-1', 'ORG-B', 981234.57);
    f.bid('B-3', 'L-1', 'ORG-C', 1_000_000);
    f.bid('B-4', 'L-1', 'ORG-D', 1_000_000);
    expect(detect(f.context(), DEFAULTS)).toEqual([]);
    expect(detect(f.context(), { ...DEFAULTS, skipCeiling: false }).map((flag) => flag.entities)).toEqual([
      ['ORG-C', 'ORG-D'],
    ]);
  });

  it('ignores a bidder’s own two bids, withdrawn bids, missing prices and out-of-scope lots', () => {
    const f = fixture();
    f.bid('B-1', 'L-1', 'ORG-A', 900000);
    f.bid('B-2', 'L-1', 'ORG-A', 900000);
    f.bid('B-3', 'L-1', 'ORG-B', 900000, { status: 'withdrawn' });
    f.bid('B-4', 'L-1', 'ORG-C', 0);
    f.bid('B-5', 'L-1', 'ORG-D', 0);
    f.bid('B-6', 'L-2', 'ORG-A', 800000);
    f.bid('B-7', 'L-2', 'ORG-B', 800000);
    expect(detect(f.context(['L-1']), DEFAULTS)).toEqual([]);
  });
});
