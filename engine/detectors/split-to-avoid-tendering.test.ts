import { buildContext } from '../context';
import { emptyProjection, Project, Projection } from '../model';
import { addBid, addLot, addProject, day } from './behaviour-builders';
import { DEFAULTS, detect, nameStem } from './split-to-avoid-tendering';

const CODE = '2024-410105-47-03-000001';

/** A project P-<id> of tenderer T (works, invited, district 410105) with one lot <id>, won at `award` when given. */
function piece(p: Projection, id: string, budget: number, fields: Partial<Project> = {}, award?: number): void {
  addProject(p, `P-${id}`, 'T', {
    name: `金水区${id}`,
    region: '410105',
    procedure: 'invited',
    budget,
    events: { announced: day(10) },
    ...fields,
  });
  addLot(p, id, `P-${id}`);
  if (award !== undefined) addBid(p, `${id}-W`, id, 'W', award, { won: true });
}

const run = (p: Projection) => detect(buildContext(p), DEFAULTS);

describe('split-to-avoid-tendering', () => {
  it('flags pieces of one code, each below the threshold and none open, that together reach it', () => {
    const p = emptyProjection();
    piece(p, 'L1', 2_000_000, { projectCode: CODE, agent: 'AG' }, 1_900_000);
    piece(
      p,
      'L2',
      1_800_000,
      { projectCode: CODE, procedure: 'negotiation', events: { announced: day(40) } },
      1_700_000,
    );
    piece(p, 'L3', 1_500_000, { projectCode: CODE, procedure: 'single_source', events: { announced: day(70) } });
    p.approvals.push({
      id: 'APR-1',
      projectCode: CODE,
      kind: 'filing',
      approvedAt: day(1),
      investment: 6_000_000,
      tenderingScope: [],
    });
    const flags = run(p);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      lot: 'L1',
      project: 'P-L1',
      entities: ['T', 'AG'],
      bids: ['L1-W', 'L2-W'],
      score: 0.655,
      severity: 'medium',
    });
    expect(flags[0].summary).toBe(
      `Pattern found: T ran 3 works projects under project code ${CODE}, each below the 4000000 tendering threshold and none openly, together 5100000.`,
    );
    expect(flags[0].evidence.map((e) => e.kind)).toEqual(['project', 'project', 'project', 'threshold', 'approval']);
    expect(flags[0].evidence[0].data).toMatchObject({
      project: 'P-L1',
      procedure: 'invited',
      budget: 2_000_000,
      award: 1_900_000,
    });
    expect(flags[0].evidence[3].data).toMatchObject({ pieces: 3, sum: 5_100_000, threshold: 4_000_000 });
  });

  it('groups pieces without a code by name stem, region and months; high at twice the threshold', () => {
    const p = emptyProjection();
    const services = { category: 'services', procedure: 'inquiry' };
    piece(p, 'S1', 900_000, { ...services, name: '城区物业管理服务（一期）' });
    piece(p, 'S2', 800_000, { ...services, name: '城区物业管理服务二期', events: { announced: day(200) } });
    piece(p, 'S3', 700_000, { ...services, name: '城区物业管理服务第3标段', events: { announced: day(300) } });
    piece(p, 'FAR', 900_000, { ...services, name: '城区物业管理服务（四期）', events: { announced: day(400) } });
    piece(p, 'ELSEWHERE', 900_000, { ...services, name: '城区物业管理服务（五期）', region: '410300' });
    piece(p, 'GOODS', 900_000, { ...services, category: 'goods', name: '城区物业管理服务（六期）' });
    const flags = run(p);
    expect(flags).toHaveLength(1);
    expect(flags[0].evidence.filter((e) => e.kind === 'project').map((e) => e.data?.project)).toEqual([
      'P-S1',
      'P-S2',
      'P-S3',
    ]);
    expect(flags[0]).toMatchObject({ score: 0.8, severity: 'high' });
    expect(flags[0].summary).toContain('under name stem "城区物业管理服务"');
  });

  it('leaves a phased project tendered openly, and groups with one open piece, alone', () => {
    const p = emptyProjection();
    piece(p, 'PH1', 6_000_000, { projectCode: CODE, procedure: 'open' });
    piece(p, 'PH2', 8_000_000, { projectCode: CODE, procedure: 'open' });
    piece(p, 'A1', 3_000_000, { name: '金水区道路（一期）' });
    piece(p, 'A2', 3_000_000, { name: '金水区道路（二期）', procedure: 'open' });
    expect(run(p)).toEqual([]);
  });

  it('leaves purchases repeated under one identical name alone unless told to count them', () => {
    const p = emptyProjection();
    const goods = { category: 'goods', procedure: 'inquiry', name: '中心医院医用CT设备采购项目' };
    piece(p, 'G1', 1_500_000, goods);
    piece(p, 'G2', 1_000_000, { ...goods, events: { announced: day(100) } });
    expect(run(p)).toEqual([]);
    expect(detect(buildContext(p), { ...DEFAULTS, sameNameRepeats: true })).toHaveLength(1);
  });

  it('fires exactly at the threshold, not with a piece at it or a single piece', () => {
    const p = emptyProjection();
    piece(p, 'E1', 2_000_000, { projectCode: CODE });
    piece(p, 'E2', 2_000_000, { projectCode: CODE });
    expect(run(p).map((f) => f.score)).toEqual([0.6]);
    p.projects.get('P-E2')!.budget = 4_000_000;
    expect(run(p)).toEqual([]);
    p.projects.delete('P-E2');
    p.projects.get('P-E1')!.budget = 3_900_000;
    expect(run(p)).toEqual([]);
  });

  it('checks only groups with a lot in scope', () => {
    const p = emptyProjection();
    piece(p, 'E1', 2_500_000, { projectCode: CODE });
    piece(p, 'E2', 2_500_000, { projectCode: CODE });
    expect(detect(buildContext(p, new Set(['X'])), DEFAULTS)).toEqual([]);
    expect(detect(buildContext(p, new Set(['E2'])), DEFAULTS)).toHaveLength(1);
  });

  it('strips phase and lot markers, digits and punctuation from names', () => {
    expect(nameStem('金水区道路改造工程（二期）第3标段')).toBe('金水区道路改造工程');
    expect(nameStem('City Ring Road Phase 2 - Lot 3')).toBe('cityringroad');
    expect(nameStem('国道107线改建工程一标段')).toBe('国道线改建工程');
  });
});
