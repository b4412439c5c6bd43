import { DEFAULTS, detect } from './price-screens';
import { mulberry32 } from '../stats/prng';
import { Fixture, fixture } from './test-builders';

/** A market of `lots` honest lots of `size` bids each, uniform on 85–99 % of a 1,000,000 ceiling. */
function market(
  f: Fixture,
  lots: number,
  size: number,
  options: { sector?: string; spread?: number; name?: string } = {},
): void {
  const name = options.name ?? 'M';
  const next = mulberry32(lots * 100 + size);
  const spread = options.spread ?? 0.14;
  for (let l = 0; l < lots; l += 1) {
    const prices = Array.from({ length: size }, () => Math.round(1_000_000 * (0.99 - spread * next())));
    f.pricedLot(`${name}-${l}`, prices, { prefix: `${name}${l}-`, sector: options.sector });
  }
}

describe('price-screens', () => {
  it('flags a lot whose cover bids cluster far above the winner, against its market', () => {
    const f = fixture();
    market(f, 40, 5);
    f.pricedLot('L-1', [910000, 951000, 952000, 953500, 955000], { prefix: 'RING-' });
    const flags = detect(f.context(), DEFAULTS);
    const flag = flags.find((x) => x.lot === 'L-1');
    expect(flag).toBeDefined();
    expect(flag?.score).toBeGreaterThanOrEqual(0.8);
    expect(flag?.summary).toMatch(/^Collusive-looking bid distribution found in lot L-1/);
    const cv = flag?.evidence.find((e) => e.kind === 'screen' && e.data?.screen === 'cv' && e.data?.scope === 'lot');
    expect(cv?.data).toMatchObject({ tail: 'low', reference: 'works|4101, 5 bids', referenceLots: 41 });
    expect(cv?.data?.percentile).toBeLessThan(0.05);
    expect(flags.filter((x) => x.lot !== 'L-1').length).toBeLessThanOrEqual(2); // honest lots rarely
  });

  it('does not flag the same tight prices in a market where every lot is that tight', () => {
    const f = fixture();
    market(f, 40, 5, { spread: 0.05 });
    f.pricedLot('L-1', [951000, 952000, 953500, 955000, 958000]);
    expect(detect(f.context(['L-1']), DEFAULTS)).toEqual([]);
  });

  it('finds an incomplete cartel as the cover group of the lowest bid among honest outsiders', () => {
    const f = fixture();
    market(f, 60, 7); // a score of 0.99 needs 50 lots behind it: the top of n lots sits at 1 − 1 / 2n
    market(f, 40, 4, { name: 'Q' }); // groups of four are rated against lots of four, of five against the market
    market(f, 40, 3, { name: 'T' });
    f.pricedLot('L-1', [900000, 940000, 940100, 940200, 940300, 925000, 960000], { prefix: 'MIX-' });
    const [flag, ...rest] = detect(f.context(['L-1']), DEFAULTS);
    expect(rest).toEqual([]);
    expect(flag.summary).toMatch(
      /best group of its lowest bid and 4 of its other 6 bids \(MIX-1, MIX-2, MIX-3, MIX-4, MIX-5\)/,
    );
    expect(flag.entities).toEqual(['MIX-1', 'MIX-2', 'MIX-3', 'MIX-4', 'MIX-5']); // the outsiders MIX-6, MIX-7 left out
    const lot = flag.evidence.find((e) => e.kind === 'screen-score' && e.data?.scope === 'lot');
    expect(lot?.data?.score).toBeLessThan(0.9); // the outsiders hide it from the whole-lot screens
    const group = flag.evidence.find((e) => e.kind === 'screen-score' && e.data?.scope === 'subgroups');
    expect(group?.data).toMatchObject({
      reference: 'works|4101',
      groupReference: 'works|4101, 7 bids',
      groupReferenceLots: 61,
    });
    expect(group?.data?.score).toBeGreaterThanOrEqual(DEFAULTS.minSubgroupScore);
  });

  it('does not take a tight cluster of losing bids alone for a cartel when the lot looks typical', () => {
    const f = fixture();
    market(f, 40, 7);
    // three near-equal bids, but the lot's other bids spread as widely as its market's
    f.pricedLot('L-1', [860000, 882000, 936000, 936400, 936900, 962000, 989000]);
    expect(detect(f.context(['L-1']), DEFAULTS)).toEqual([]);
  });

  it('rates lots of three bids without kurtosis, and their only group is the lot', () => {
    const f = fixture();
    market(f, 60, 3);
    f.pricedLot('L-1', [900000, 945000, 945300], { prefix: 'TRIO-' });
    const [flag] = detect(f.context(['L-1']), DEFAULTS);
    expect(flag.entities).toEqual(['TRIO-1', 'TRIO-2', 'TRIO-3']);
    expect(flag.summary).toMatch(/its 3 bids, its best group, \(TRIO-1, TRIO-2, TRIO-3\) rates/);
    const screens = flag.evidence
      .filter((e) => e.kind === 'screen' && e.data?.scope === 'lot')
      .map((e) => e.data?.screen);
    expect(screens).not.toContain('kurtosis');
    expect(screens).toContain('rd');
  });

  it('skips lots with fewer than three priced bids, withdrawn bids, out-of-scope lots and thin references', () => {
    const f = fixture();
    market(f, 40, 5);
    f.pricedLot('L-1', [910000, 951000]);
    f.bid('W-1', 'L-1', 'ORG-W', 952000, { status: 'withdrawn' });
    f.pricedLot('L-2', [910000, 951000, 952000, 953500, 955000], { prefix: 'RING-' });
    expect(detect(f.context(['L-1']), DEFAULTS)).toEqual([]);
    expect(detect(f.context(['L-2']), DEFAULTS)).toHaveLength(1);
    expect(detect(f.context(['L-2']), { ...DEFAULTS, minMarketLots: 100 })).toEqual([]);
  });

  it('falls back to lots of that size in all markets, then to the lot’s whole market', () => {
    const f = fixture();
    market(f, 40, 5);
    f.pricedLot('L-1', [910000, 951000, 952000, 953500, 955000], { prefix: 'RING-', sector: 'water' });
    f.pricedLot('L-2', [910000, 951000, 952000, 953500, 955000, 956000], { prefix: 'SIX-' });
    const reference = (lot: string) =>
      detect(f.context([lot]), { ...DEFAULTS, minScore: 0 })[0].evidence[0].data?.reference;
    expect(reference('L-1')).toBe('all markets, 5 bids');
    expect(reference('L-2')).toBe('works|4101');
  });
});
