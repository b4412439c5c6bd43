import { DEFAULTS, detect } from './shared-bond';
import { fixture } from './test-builders';

describe('shared-bond', () => {
  it('flags two bonds paid by one person from one account', () => {
    const f = fixture();
    f.person('PER-9');
    f.bid('B-1', 'L-1', 'ORG-A', 100, { bondPayer: 'PER-9', bondAccount: '6222000011112222' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { bondPayer: 'PER-9', bondAccount: '6222000011112222' });
    f.bid('B-3', 'L-1', 'ORG-C', 102, { bondPayer: 'ORG-C' });
    const [flag, ...rest] = detect(f.context(), DEFAULTS);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ score: 0.99, entities: ['ORG-A', 'ORG-B', 'PER-9'], bids: ['B-1', 'B-2'] });
    expect(flag.basis).toContain('Art. 40(6)');
  });

  it('flags a bidder that paid its rival’s bond', () => {
    const f = fixture();
    f.bid('B-1', 'L-1', 'ORG-A', 100, { bondPayer: 'ORG-A' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { bondPayer: 'ORG-A' });
    expect(detect(f.context(), DEFAULTS).map((flag) => flag.score)).toEqual([0.9]);
  });

  it('ignores a guarantor paying many bonds and an account a bank holds, even for two bidders only', () => {
    const f = fixture();
    f.org('GUAR-1', { kind: 'guarantor' });
    f.org('BANK-1', { kind: 'bank', accounts: ['9558000000000001'] });
    for (let i = 0; i < 20; i += 1) f.bid(`X-${i}`, `L-X${i % 5}`, `ORG-X${i}`, 100 + i, { bondPayer: 'GUAR-1' });
    f.bid('B-1', 'L-1', 'ORG-A', 100, { bondPayer: 'GUAR-1' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { bondPayer: 'GUAR-1' });
    f.bid('B-3', 'L-2', 'ORG-C', 100, { bondAccount: '9558000000000001' });
    f.bid('B-4', 'L-2', 'ORG-D', 101, { bondAccount: '9558000000000001' });
    expect(detect(f.context(), DEFAULTS)).toEqual([]);
  });

  it('never pairs a bidder with itself and skips out-of-scope lots', () => {
    const f = fixture();
    f.bid('B-1', 'L-1', 'ORG-A', 100, { bondAccount: 'ACC-1' });
    f.bid('B-2', 'L-1', 'ORG-A', 101, { bondAccount: 'ACC-1' });
    f.bid('B-3', 'L-2', 'ORG-B', 100, { bondAccount: 'ACC-2' });
    f.bid('B-4', 'L-2', 'ORG-C', 101, { bondAccount: 'ACC-2' });
    expect(detect(f.context(['L-1']), DEFAULTS)).toEqual([]);
    expect(detect(f.context(['L-2']), DEFAULTS)).toHaveLength(1);
  });
});
