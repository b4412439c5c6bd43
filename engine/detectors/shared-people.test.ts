import { DEFAULTS, detect } from './shared-people';
import { fixture } from './test-builders';

describe('shared-people', () => {
  it('keeps full weight for a project manager named by many bidders elsewhere', () => {
    const f = fixture();
    f.person('PER-1');
    for (let i = 0; i < 30; i += 1) f.bid(`X-${i}`, `L-X${i}`, `ORG-X${i}`, 100, { projectManager: 'PER-1' });
    f.bid('B-1', 'L-1', 'ORG-A', 100, { projectManager: 'PER-1' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { projectManager: 'PER-1' });
    const flags = detect(f.context(['L-1']), DEFAULTS);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ score: 0.95, entities: ['ORG-A', 'ORG-B', 'PER-1'], bids: ['B-1', 'B-2'] });
    expect(flags[0].basis).toContain('MOF Order 87');
  });

  it('combines an agent person and a rare phone, but not an agency switchboard used by 40 firms', () => {
    const f = fixture();
    for (let i = 0; i < 40; i += 1) f.bid(`X-${i}`, `L-X${i}`, `ORG-X${i}`, 100, { contactPhone: '037160000000' });
    f.bid('B-1', 'L-1', 'ORG-A', 100, { agentPerson: 'PER-7', contactPhone: '13800000001' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { agentPerson: 'PER-7', contactPhone: '13800000001' });
    f.bid('B-3', 'L-2', 'ORG-C', 100, { contactPhone: '037160000000' });
    f.bid('B-4', 'L-2', 'ORG-D', 101, { contactPhone: '037160000000' });
    const flags = detect(f.context(['L-1', 'L-2']), DEFAULTS);
    expect(flags.map((flag) => [flag.lot, flag.score])).toEqual([['L-1', 0.985]]); // 1 − 0.05 × 0.3
  });

  it('ignores a benign-listed contact person and empty values', () => {
    const f = fixture();
    f.projection.benign.push({ kind: 'contact_person', value: 'PER-DESK' });
    f.bid('B-1', 'L-1', 'ORG-A', 100, { contactPerson: 'PER-DESK', projectManager: '' });
    f.bid('B-2', 'L-1', 'ORG-B', 101, { contactPerson: 'PER-DESK', projectManager: '' });
    expect(detect(f.context(), DEFAULTS)).toEqual([]);
  });
});
