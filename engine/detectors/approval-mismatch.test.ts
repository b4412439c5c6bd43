import { buildContext } from '../context';
import { flagId } from '../flag';
import { Approval, emptyProjection, Project, Projection } from '../model';
import { addBid, addLot, addProject, day } from './behaviour-builders';
import { DEFAULTS, detect } from './approval-mismatch';

const CODE = '2024-410105-47-01-000001';

/** A works project P-<id> announced on day 30 with one lot <id> won at `award`. */
function project(p: Projection, id: string, fields: Partial<Project> = {}, award = 4_800_000): void {
  addProject(p, `P-${id}`, 'T', {
    agent: 'AG',
    projectCode: CODE,
    budget: 5_000_000,
    events: { announced: day(30) },
    ...fields,
  });
  addLot(p, id, `P-${id}`);
  addBid(p, `${id}-W`, id, 'W', award, { won: true });
  addBid(p, `${id}-X`, id, 'X', award * 1.02);
}

const approval = (fields: Partial<Approval> = {}): Approval => ({
  id: 'APR-1',
  projectCode: CODE,
  kind: 'approval',
  approvedAt: day(10),
  investment: 6_000_000,
  tenderingMode: 'open',
  tenderingScope: [],
  authority: 'NDRC',
  ...fields,
});

const run = (p: Projection) => detect(buildContext(p), DEFAULTS);

describe('approval-mismatch', () => {
  it('flags a project announced early, run by another procedure and awarded above the investment', () => {
    const p = emptyProjection();
    project(p, 'L1', { procedure: 'invited' }, 5_500_000);
    p.approvals.push(approval({ approvedAt: day(40), investment: 5_000_000 }));
    const flags = run(p);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ id: flagId('approval-mismatch', ['P-L1']), lot: 'L1', project: 'P-L1' });
    expect(flags[0]).toMatchObject({ entities: ['T', 'AG'], bids: ['L1-W'], severity: 'high' });
    expect(flags[0].summary).toBe(
      'Pattern found: P-L1 does not match approval APR-1 (announced-before-approval, procedure-differs, above-investment).',
    );
    expect(flags[0].evidence.map((e) => e.kind)).toEqual([
      'approval-mismatch',
      'approval-mismatch',
      'approval-mismatch',
      'project',
      'approval',
    ]);
    expect(flags[0].evidence[2].data).toMatchObject({ investment: 5_000_000, award: 5_500_000, excess: 0.1 });
    expect(flags[0].evidence[4].data).toMatchObject({
      approval: 'APR-1',
      kind: 'approval',
      authority: 'NDRC',
      approved_at: day(40),
      investment: 5_000_000,
      tendering_mode: 'open',
    });
  });

  it('scores each mismatch alone by its weight', () => {
    const p = emptyProjection();
    project(p, 'EARLY');
    project(p, 'NEGOTIATED', { procedure: 'negotiation' });
    project(p, 'ABOVE', {}, 7_200_000);
    p.approvals.push(approval());
    p.projects.get('P-EARLY')!.events.announced = day(9);
    const score = (lot: string) => run(p).find((f) => f.lot === lot)?.score;
    expect(score('EARLY')).toBe(0.85);
    expect(score('NEGOTIATED')).toBe(0.8);
    expect(score('ABOVE')).toBe(0.9);
  });

  it('leaves honest projects and look-alikes alone', () => {
    const p = emptyProjection();
    project(p, 'HONEST');
    project(p, 'SAME-DAY', { events: { announced: day(10) } });
    project(p, 'INVITED', { projectCode: '2024-410105-47-01-000002', procedure: 'invited' });
    project(p, 'NONE', { projectCode: '2024-410105-47-03-000003', procedure: 'single_source' });
    project(p, 'SCOPE', { projectCode: '2024-410105-47-01-000004', category: 'services', procedure: 'inquiry' });
    project(p, 'AT', {}, 6_000_000);
    p.approvals.push(
      approval(),
      approval({ id: 'APR-2', projectCode: '2024-410105-47-01-000002', tenderingMode: 'invited' }),
      approval({ id: 'APR-3', projectCode: '2024-410105-47-03-000003', kind: 'filing', tenderingMode: undefined }),
      approval({ id: 'APR-4', projectCode: '2024-410105-47-01-000004', tenderingScope: ['works'] }),
    );
    expect(run(p)).toEqual([]);
  });

  it('flags a project that must be tendered with no approval, weakly, and only from the threshold', () => {
    const p = emptyProjection();
    project(p, 'UNCODED', { projectCode: undefined, budget: 4_000_000 });
    project(p, 'UNKNOWN', { projectCode: '2024-410105-92-01-000009', category: 'goods', budget: 2_500_000 });
    project(p, 'SMALL', { projectCode: undefined, budget: 3_999_999 });
    project(p, 'GOODS', { projectCode: undefined, category: 'goods', budget: 2_500_000 });
    const flags = run(p);
    expect(flags.map((f) => f.lot).sort()).toEqual(['UNCODED', 'UNKNOWN']);
    expect(flags.every((f) => f.score === 0.4 && f.severity === 'low' && f.bids.length === 0)).toBe(true);
    expect(flags.find((f) => f.lot === 'UNCODED')?.summary).toBe(
      'Pattern found: P-UNCODED must be tendered but no approval is loaded for it; the approval may simply not be loaded.',
    );
    expect(flags.find((f) => f.lot === 'UNKNOWN')?.evidence[0].text).toContain(
      'its code 2024-410105-92-01-000009 matches no loaded approval',
    );
  });

  it('judges against the approval in force at the announcement when a code has several', () => {
    const p = emptyProjection();
    project(p, 'L1', { procedure: 'invited' });
    p.approvals.push(
      approval({ id: 'APR-A', approvedAt: day(5), tenderingMode: 'invited' }),
      approval({ id: 'APR-B', approvedAt: day(20), tenderingMode: 'invited' }),
      approval({ id: 'APR-C', approvedAt: day(50), tenderingMode: 'open' }),
    );
    expect(run(p)).toEqual([]);
    p.approvals.splice(0, 2);
    expect(
      run(p)[0]
        .evidence.map((e) => e.data?.rule)
        .filter(Boolean),
    ).toEqual(['announced-before-approval', 'procedure-differs']);
  });

  it('checks only projects with a lot in scope', () => {
    const p = emptyProjection();
    project(p, 'L1', { procedure: 'negotiation' });
    p.approvals.push(approval());
    expect(detect(buildContext(p, new Set(['L2'])), DEFAULTS)).toEqual([]);
    expect(detect(buildContext(p, new Set(['L1'])), DEFAULTS)).toHaveLength(1);
  });
});
