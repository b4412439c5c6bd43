/**
 * The case file's drawing without services: a deterministic layout (the same case gives
 * byte-identical SVG, whatever order the graph's pieces arrive in), node shapes and edge colours
 * of the viewer, emphasis on what the flag names, a legend, and a ring for communities.
 */
import { layeredLayout, ringLayout } from './layout';
import type { CaseModel } from './model';
import { caseSvg } from './render-svg';
import { EDGE_CATEGORIES, NODE_STYLES } from './styles';
import { caseGraph } from './subgraph';
import { sampleModel } from './test-model';

test('the same case gives byte-identical SVG, also with its lists in another order', () => {
  const first = caseSvg(sampleModel());
  expect(caseSvg(sampleModel())).toBe(first);
  const shuffled = sampleModel();
  shuffled.entities.reverse();
  shuffled.lots[0].bids.reverse();
  expect(caseSvg(shuffled)).toBe(first);
});

test('the layered layout puts tenderer, project, lot, bidders and shared values in columns, left to right', () => {
  const graph = caseGraph(sampleModel());
  const { positions } = layeredLayout(graph);
  const x = (node: string) => positions.get(node)?.x ?? NaN;
  expect(x('ORG-T')).toBeLessThan(x('PRJ-1'));
  expect(x('PRJ-1')).toBeLessThan(x('LOT-1'));
  expect(x('LOT-1')).toBeLessThan(x('ORG-A'));
  expect(x('ORG-A')).toBe(x('ORG-B'));
  expect(x('ORG-A')).toBeLessThan(x('machine_code:ABCDEF0123'));
  // The cited value and the shared contact person are drawn; the unshared machine code is not.
  expect(graph.hasNode('PER-1')).toBe(true);
  expect(graph.hasNode('machine_code:FFFF0000')).toBe(false);
  expect(graph.getNodeAttribute('machine_code:ABCDEF0123', 'emphasis')).toBe(true);
  for (const p of positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
});

test('nodes and edges wear the viewer’s colours and shapes, with a legend of what is drawn', () => {
  const svg = caseSvg(sampleModel());
  expect(svg).toContain(`fill="${NODE_STYLES.organization.color}"`);
  expect(svg).toContain(`fill="${NODE_STYLES.lot.color}"`);
  expect(svg).toMatch(new RegExp(`<polygon [^>]*fill="${NODE_STYLES.lot.color}"`));
  expect(svg).toMatch(new RegExp(`<rect [^>]*fill="${NODE_STYLES.value.color}"`));
  expect(svg).toContain(`stroke="${EDGE_CATEGORIES['shared-value'].color}"`);
  expect(svg).toContain(`stroke="${EDGE_CATEGORIES.bid.color}"`);
  expect(svg).toContain('图例 Legend');
  expect(svg).toContain('单位 Organisation');
  expect(svg).toContain('共用值 Shared value');
  expect(svg).not.toMatch(/NaN|undefined/);
});

test('a community is a ring of its members with co-bid edges counting the lots they shared', () => {
  const model: CaseModel = {
    ...sampleModel(),
    subject: { kind: 'community', id: 'C-1' },
    flag: undefined,
    community: {
      id: 'C-1',
      score: 0.8,
      size: 3,
      members: ['ORG-A', 'ORG-B', 'ORG-C'],
      meetings: 1,
      features: {},
      met: [{ lot: 'LOT-1', members: ['ORG-A', 'ORG-B', 'ORG-C'] }],
    },
  };
  const graph = caseGraph(model);
  expect(graph.order).toBe(4);
  expect(graph.filterEdges((_, a) => a.type === 'CO_BID')).toHaveLength(3);
  const { positions } = ringLayout(graph);
  const hub = positions.get('C-1');
  const r = (n: string) =>
    Math.hypot((positions.get(n)?.x ?? 0) - (hub?.x ?? 0), (positions.get(n)?.y ?? 0) - (hub?.y ?? 0));
  expect(r('ORG-A')).toBeCloseTo(r('ORG-B'), 0);
  expect(r('ORG-B')).toBeCloseTo(r('ORG-C'), 0);
  expect(caseSvg(model)).toBe(caseSvg(structuredClone(model)));
  expect(caseSvg(model)).toContain(`stroke="${EDGE_CATEGORIES['co-bid'].color}"`);
});

test('two relationships between the same pair (legal representative and shareholder) are both drawn', () => {
  const model = sampleModel();
  const person = model.entities.find((e) => e.id === 'PER-1');
  person?.ties.push({ type: 'LEGAL_REP_OF', to: 'ORG-A' }, { type: 'SHAREHOLDER_OF', to: 'ORG-A', share: 0.6 });
  const graph = caseGraph(model);
  expect(
    graph
      .outEdges('PER-1', 'ORG-A')
      .map((e) => graph.getEdgeAttribute(e, 'type'))
      .sort(),
  ).toEqual(['EMPLOYED_BY', 'LEGAL_REP_OF', 'SHAREHOLDER_OF']);
  expect(caseSvg(model)).toContain('<title>PER-1 SHAREHOLDER_OF ORG-A</title>');
});
