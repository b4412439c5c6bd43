import { buildContext } from '../context';
import { flagId } from '../flag';
import { emptyProjection, Projection } from '../model';
import { addExpert, addOrg, addPanel, addPerson, addScores, day, tender } from './behaviour-builders';
import { DEFAULTS, detect } from './expert-conflict';

/** Lot L1 (evaluated on day 30, supervised by DEPT) with bidders A–D and seven experts, E5 and E6 unconflicted. */
function lot(p: Projection): void {
  tender(p, {
    lot: 'L1',
    bidders: ['A', 'B', 'C', 'D'],
    winner: 'A',
    project: { supervisor: 'DEPT' },
    lotFields: { events: { opened: day(29), evaluated: day(30) } },
    bids: { D: { contactPhone: '13800000007' } },
  });
  addOrg(p, 'C', { legalRep: 'PC' });
  addPerson(p, 'PC');
  addPerson(p, 'PE3');
  p.ties.push({ kind: 'relative', from: 'PE3', to: 'PC' });
  addExpert(p, 'E1', { employer: 'A' });
  addExpert(p, 'E2', { formerEmployers: ['B'] });
  addExpert(p, 'E3', { person: 'PE3' });
  addExpert(p, 'E4', { employer: 'DEPT' });
  addExpert(p, 'E5');
  addExpert(p, 'E6', { formerEmployers: ['Z'] });
  addExpert(p, 'E7', { phones: ['13800000007'] });
}

describe('expert-conflict', () => {
  it('flags each expert tied to a bidder or the supervisor, with weights by tie', () => {
    const p = emptyProjection();
    lot(p);
    addPanel(p, 'L1', ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7']);
    const flags = detect(buildContext(p), DEFAULTS);
    const by = (expert: string) => flags.find((f) => f.entities[0] === expert);
    expect(flags).toHaveLength(5);
    expect(by('E1')).toMatchObject({ lot: 'L1', project: 'P-L1', entities: ['E1', 'A'], bids: ['L1-A'], score: 0.95 });
    expect(by('E1')?.id).toBe(flagId('expert-conflict', ['E1', 'L1', 'bidder', 'A']));
    expect(by('E1')?.summary).toBe(
      'Pattern found: expert E1 evaluated L1 where bidder A is linked to the expert (employer).',
    );
    expect(by('E2')).toMatchObject({ entities: ['E2', 'B'], score: 0.7 });
    expect(by('E3')).toMatchObject({ entities: ['E3', 'C', 'PC'], score: 0.85 });
    expect(by('E3')?.evidence[0]).toMatchObject({ kind: 'tie-path', data: { link: 'relative', person: 'PC' } });
    expect(by('E4')).toMatchObject({ entities: ['E4', 'DEPT'], score: 0.8, bids: [] });
    expect(by('E7')).toMatchObject({ entities: ['E7', 'D'], score: 0.8 });
    expect(by('E7')?.evidence[0].kind).toBe('shared-value');
    expect(flags.every((f) => f.basis.includes('Art. 12'))).toBe(true);
  });

  it('leaves an expert whose former employer is not among the bidders alone, and leaves sanctions to debarred-bidder', () => {
    const p = emptyProjection();
    lot(p);
    p.sanctions.push({ id: 'S1', entity: 'E5', kind: 'expert_removed', date: day(10) });
    addPanel(p, 'L1', ['E5', 'E6']);
    expect(detect(buildContext(p), DEFAULTS)).toEqual([]);
  });

  it('finds experts who only scored (no panel record), and owners shared through the employer', () => {
    const p = emptyProjection();
    lot(p);
    p.ties.push({ kind: 'parent_company', from: 'GROUP', to: 'UNI' }, { kind: 'shareholder', from: 'GROUP', to: 'B' });
    addExpert(p, 'E8', { employer: 'UNI' });
    addScores(p, 'L1', 'E8', { A: 80, B: 85 });
    const flags = detect(buildContext(p), DEFAULTS);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ entities: ['E8', 'B', 'GROUP'], score: 0.75 });
    expect(flags[0].evidence[0].text).toBe("E8's employer UNI and B are both owned or controlled by GROUP.");
  });

  it('skips out-of-scope lots and lots without panel or scores', () => {
    const p = emptyProjection();
    lot(p);
    addPanel(p, 'L1', ['E1', 'E5']);
    expect(detect(buildContext(p, new Set(['L2'])), DEFAULTS)).toEqual([]);
    tender(p, { lot: 'L2', bidders: ['A'], winner: 'A' });
    expect(detect(buildContext(p, new Set(['L2'])), DEFAULTS)).toEqual([]);
    addPanel(p, 'L2', ['E5']);
    expect(detect(buildContext(p, new Set(['L2'])), DEFAULTS)).toEqual([]);
  });
});
