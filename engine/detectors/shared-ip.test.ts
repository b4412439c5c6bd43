import { DEFAULTS, detect } from './shared-ip';
import { fixture } from './test-builders';

describe('shared-ip', () => {
  it('flags two bidders of one lot uploading from an IP nobody else uses', () => {
    const f = fixture();
    f.bid('B-1', 'L-1', 'ORG-A', 100, { ip: '61.1.2.3' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { ip: '61.1.2.3' });
    f.bid('B-3', 'L-1', 'ORG-C', 102, { ip: '61.9.9.9' });
    const [flag, ...rest] = detect(f.context(), DEFAULTS);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ detector: 'shared-ip', score: 0.5, severity: 'medium', entities: ['ORG-A', 'ORG-B'] });
    expect(flag.evidence[0].data).toMatchObject({ kind: 'ip', value: '61.1.2.3', organizations: 2 });
  });

  it('does not fire on the public terminals shared by 50 bidders or on an office NAT used by four', () => {
    const f = fixture();
    for (let i = 0; i < 50; i += 1) f.bid(`T-${i}`, `L-T${i % 10}`, `ORG-T${i}`, 100 + i, { ip: '10.0.0.1' });
    for (let i = 0; i < 4; i += 1) f.bid(`N-${i}`, 'L-N', `ORG-N${i}`, 100 + i, { ip: '202.1.1.1' });
    expect(detect(f.context(), DEFAULTS)).toEqual([]);
  });

  it('never pairs a bidder with itself and skips out-of-scope lots', () => {
    const f = fixture();
    f.bid('B-1', 'L-1', 'ORG-A', 100, { ip: '61.1.2.3' });
    f.bid('B-2', 'L-1', 'ORG-A', 101, { ip: '61.1.2.3' });
    f.bid('B-3', 'L-2', 'ORG-B', 100, { ip: '61.7.7.7' });
    f.bid('B-4', 'L-2', 'ORG-C', 100, { ip: '61.7.7.7' });
    expect(detect(f.context(['L-1']), DEFAULTS)).toEqual([]);
  });
});
