import { buildContext } from '../context';
import { flagId } from '../flag';
import { emptyProjection, Events, Projection } from '../model';
import { addLot, addProject, day } from './behaviour-builders';
import { bottleneckOf, DEFAULTS, detect } from './process-timing';

/** One project with one lot; the project holds the bidding events, the lot the later ones. */
function procedure(
  p: Projection,
  id: string,
  project: Events,
  lot: Events,
  procedure = 'open',
  category = 'works',
): void {
  addProject(p, `P-${id}`, 'T', { agent: 'AG', procedure, category, events: project });
  addLot(p, id, `P-${id}`, { events: lot });
}

const AT_MINIMUM = {
  project: { announced: day(0), docs_from: day(1), bid_deadline: `${day(21)}T09:00:00+08:00` },
  lot: {
    opened: `${day(21)}T09:00:00+08:00`,
    evaluated: day(22),
    candidates_published: day(23),
    candidates_until: day(26),
    awarded: day(28),
    contract_signed: day(58),
  },
};

describe('process-timing', () => {
  it('flags each rule broken, scored by how far past the limit', () => {
    const p = emptyProjection();
    procedure(
      p,
      'L1',
      { docs_from: day(0), bid_deadline: `${day(10)}T09:00:00+08:00` },
      { candidates_published: day(12), candidates_until: day(13), awarded: day(15), contract_signed: day(60) },
    );
    const flags = detect(buildContext(p), DEFAULTS);
    const rule = (r: string) => flags.find((f) => f.id === flagId('process-timing', ['L1', r]));
    expect(flags).toHaveLength(3);
    expect(rule('bid-window')).toMatchObject({ lot: 'L1', project: 'P-L1', entities: ['T', 'AG'], score: 0.75 });
    expect(rule('bid-window')?.basis).toBe('《招标投标法》 Art. 24');
    expect(rule('bid-window')?.summary).toBe(
      'Pattern found: 10 days from docs_from to bid_deadline, below the 20-day minimum.',
    );
    expect(rule('publicity')).toMatchObject({ basis: '《招标投标法实施条例》 Art. 54' });
    expect(rule('publicity')?.score).toBeCloseTo(0.833, 3);
    expect(rule('contract')).toMatchObject({ basis: '《招标投标法》 Art. 46', score: 0.4 + 0.6 * 0.5 });
    expect(rule('contract')?.evidence[0].data).toMatchObject({ days: 45, limit: 30, start: day(15) });
    expect(rule('contract')?.evidence[1]).toMatchObject({
      kind: 'bottleneck',
      data: { from: 'awarded', to: 'contract_signed', days: 45 },
    });
  });

  it('does not flag intervals exactly at the legal minimum or maximum', () => {
    const p = emptyProjection();
    procedure(p, 'L1', AT_MINIMUM.project, AT_MINIMUM.lot);
    expect(detect(buildContext(p), DEFAULTS)).toEqual([]);
  });

  it('lets lot events override the project’s, and falls back to announced without docs_from', () => {
    const p = emptyProjection();
    procedure(p, 'L1', { announced: day(0), bid_deadline: day(30) }, { bid_deadline: day(15) });
    const [flag] = detect(buildContext(p), DEFAULTS);
    expect(flag.evidence[0].data).toMatchObject({ rule: 'bid-window', from: 'announced', days: 15 });
  });

  it('skips rules whose dates are missing and procedures or categories they do not cover', () => {
    const p = emptyProjection();
    const short = { docs_from: day(0), bid_deadline: day(5) };
    procedure(p, 'MISSING', { docs_from: day(0) }, { candidates_published: day(3) });
    procedure(p, 'SINGLE', short, { candidates_published: day(7), candidates_until: day(8) }, 'single_source');
    procedure(p, 'GOODS', short, {}, 'open', 'goods');
    procedure(p, 'BAD', { docs_from: 'soon', bid_deadline: day(5) }, {});
    const flags = detect(buildContext(p), DEFAULTS);
    expect(flags.map((f) => f.lot)).toEqual(['GOODS']);
    expect(detect(buildContext(p), { ...DEFAULTS, bidWindowCategories: ['works'] })).toEqual([]);
  });

  it('checks only lots in scope', () => {
    const p = emptyProjection();
    procedure(p, 'L1', { docs_from: day(0), bid_deadline: day(5) }, {});
    expect(detect(buildContext(p, new Set(['L2'])), DEFAULTS)).toEqual([]);
  });

  it('finds the longest stage between dated nodes', () => {
    expect(bottleneckOf({ ...AT_MINIMUM.project, ...AT_MINIMUM.lot })).toEqual({
      from: 'awarded',
      to: 'contract_signed',
      days: 30,
    });
    expect(bottleneckOf({ announced: day(0) })).toBeUndefined();
  });
});
