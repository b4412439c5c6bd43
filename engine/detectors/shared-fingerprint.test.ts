import { flagId } from '../flag';
import { DEFAULTS, detect } from './shared-fingerprint';
import { fixture } from './test-builders';

describe('shared-fingerprint', () => {
  it('flags two bidders of one lot sharing a machine code and a document hash', () => {
    const f = fixture();
    f.bid('B-1', 'L-1', 'ORG-A', 100, { machineCode: 'BFEB0001', docHash: 'H1', mac: 'aa:aa:aa:aa:aa:01' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { machineCode: 'BFEB0001', docHash: 'H1', mac: 'aa:aa:aa:aa:aa:02' });
    f.bid('B-3', 'L-1', 'ORG-C', 102, { machineCode: 'BFEB0003' });
    const flags = detect(f.context(), DEFAULTS);
    expect(flags).toHaveLength(1);
    const [flag] = flags;
    expect(flag).toMatchObject({
      id: flagId('shared-fingerprint', ['L-1', 'ORG-A', 'ORG-B']),
      detector: 'shared-fingerprint',
      severity: 'high',
      lot: 'L-1',
      project: 'P-L-1',
      entities: ['ORG-A', 'ORG-B'],
      bids: ['B-1', 'B-2'],
    });
    expect(flag.score).toBeCloseTo(1 - 0.05 * 0.05, 2);
    expect(flag.basis).toContain('Art. 40(1)(2)');
    expect(flag.summary).toMatch(/found/);
    expect(flag.summary).not.toMatch(/collu/i);
    expect(flag.evidence.map((e) => e.data?.kind)).toEqual(['doc_hash', 'machine_code']);
    expect(flag.evidence[0].data).toMatchObject({
      value: 'H1',
      bids: { 'ORG-A': ['B-1'], 'ORG-B': ['B-2'] },
      weight: 1,
    });
  });

  it('gives nearly nothing to a default author and a public-terminal MAC used by many', () => {
    const f = fixture();
    for (let i = 0; i < 60; i += 1) {
      f.bid(`X-${i}`, `L-X${i % 30}`, `ORG-${i}`, 100 + i, { docAuthor: 'administrator', mac: '00:11:22:33:44:55' });
    }
    f.bid('B-1', 'L-1', 'ORG-A', 100, { docAuthor: 'administrator', mac: '00:11:22:33:44:55' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { docAuthor: 'administrator', mac: '00:11:22:33:44:55' });
    expect(detect(f.context(), DEFAULTS).filter((flag) => flag.lot === 'L-1')).toEqual([]);
    const everything = detect(f.context(), { ...DEFAULTS, minScore: 0 }).find((flag) => flag.lot === 'L-1');
    expect(everything?.score).toBeLessThan(0.1);
  });

  it('ignores a benign-listed value, a bidder sharing with itself, missing values and out-of-scope lots', () => {
    const f = fixture();
    f.projection.benign.push({ kind: 'machine_code', value: 'CENTRE-PC', note: 'trading centre terminal' });
    f.bid('B-1', 'L-1', 'ORG-A', 100, { machineCode: 'CENTRE-PC' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { machineCode: 'CENTRE-PC', docHash: '' });
    f.bid('B-3', 'L-1', 'ORG-B', 102, { docHash: '' });
    f.bid('B-4', 'L-2', 'ORG-C', 100, { docHash: 'H9' });
    f.bid('B-5', 'L-2', 'ORG-C', 100, { docHash: 'H9' });
    f.bid('B-6', 'L-3', 'ORG-D', 100, { caCert: 'CA-1' });
    f.bid('B-7', 'L-3', 'ORG-E', 100, { caCert: 'CA-1' });
    f.bid('B-8', 'L-4', 'ORG-F', 100, { caCert: 'CA-8' });
    expect(detect(f.context(['L-1', 'L-2', 'L-4']), DEFAULTS)).toEqual([]);
    expect(detect(f.context(), DEFAULTS).map((flag) => flag.lot)).toEqual(['L-3']);
  });
});
