import { buildContext } from '../context';
import { flagId } from '../flag';
import { emptyProjection, Projection } from '../model';
import { addPanel, addScores, day, tender } from './behaviour-builders';
import { DEFAULTS, detect } from './expert-bias';

const EXPERTS = ['E1', 'E2', 'E3', 'E4', 'E5'];

/** A small deterministic disagreement in [-0.6, 0.6] between experts. */
function noise(lot: number, expert: number, bidder: number): number {
  return (((lot * 3 + expert * 5 + bidder * 7) % 5) - 2) * 0.3;
}

/**
 * Twelve lots scored by five experts; F bids in the first four. E1 adds `boost` to F's score and
 * E2 adds 5 points to everyone's (a lenient expert, not a biased one).
 */
function scored(p: Projection, boost: number): void {
  for (let l = 0; l < 12; l += 1) {
    const bidders = l < 4 ? ['F', 'G', 'H', 'K'] : ['G', 'H', 'K'];
    tender(p, { lot: `L${l}`, date: day(l), bidders, winner: 'G' });
    addPanel(p, `L${l}`, EXPERTS);
    EXPERTS.forEach((expert, e) => {
      const scores = Object.fromEntries(
        bidders.map((bidder, b) => {
          const own = (expert === 'E1' && bidder === 'F' ? boost : 0) + (expert === 'E2' ? 5 : 0);
          return [bidder, 70 + 3 * b + noise(l, e, b) + own];
        }),
      );
      addScores(p, `L${l}`, expert, scores);
    });
  }
}

/**
 * Forty lots of one market, each with a panel of five of ten experts drawn in turn; agent AG runs
 * every fifth lot. With `captured`, expert X sits on every one of AG's lots instead of E0.
 */
function drawn(p: Projection, captured: boolean): void {
  for (let l = 0; l < 40; l += 1) {
    const agent = l % 5 === 0 ? 'AG' : `AG${l % 3}`;
    tender(p, {
      lot: `D${l}`,
      date: day(l),
      bidders: ['A', 'B', 'C'],
      winner: 'A',
      agent,
      project: { sector: 'construction', region: '410101' },
    });
    const panel = [0, 1, 2, 3, 4].map((k) => `E${(l + 2 * k) % 10}`);
    addPanel(p, `D${l}`, captured && agent === 'AG' ? ['X', ...panel.slice(1)] : panel);
  }
}

describe('expert-bias', () => {
  it('flags an expert who scores one bidder far above the rest of the panel, lot after lot', () => {
    const p = emptyProjection();
    scored(p, 12);
    const flags = detect(buildContext(p), DEFAULTS);
    expect(flags.map((f) => f.id)).toEqual([flagId('expert-bias', ['score', 'E1', 'F'])]);
    const [flag] = flags;
    expect(flag.entities).toEqual(['E1', 'F']);
    expect(flag.score).toBeCloseTo(0.875, 3);
    expect(flag.bids).toEqual(['L0-F', 'L1-F', 'L2-F', 'L3-F']);
    expect(flag.evidence).toHaveLength(4);
    expect(flag.evidence[0].data).toMatchObject({ lot: 'L0', expert: 'E1', bidder: 'F', panel: 5, high: true });
    expect(flag.evidence[0].data?.deviation as number).toBeGreaterThan(9);
    expect(flag.summary).toMatch(/^Pattern of one-sided scoring found/);
  });

  it('leaves a uniformly lenient expert and small disagreements alone', () => {
    const p = emptyProjection();
    scored(p, 0);
    expect(detect(buildContext(p), DEFAULTS)).toEqual([]);
  });

  it('flags an expert who sits on one agent’s lots far more often than drawing explains', () => {
    const p = emptyProjection();
    drawn(p, true);
    const flags = detect(buildContext(p), DEFAULTS);
    expect(flags.map((f) => f.id)).toEqual([flagId('expert-bias', ['agent', 'X', 'AG'])]);
    expect(flags[0].evidence[0].data).toMatchObject({
      expert: 'X',
      organiser: 'AG',
      sittings: 8,
      lots: 8,
      expected: 1.6,
    });
    expect(flags[0].evidence.filter((e) => e.kind === 'sitting')).toHaveLength(8);
    expect(flags[0].score).toBeGreaterThan(0.5);
  });

  it('leaves normal panel drawing alone', () => {
    const p = emptyProjection();
    drawn(p, false);
    expect(detect(buildContext(p), DEFAULTS)).toEqual([]);
  });

  it('needs scores for the scoring pattern and in-scope lots for any finding', () => {
    const p = emptyProjection();
    drawn(p, true);
    expect(detect(buildContext(p, new Set(['D1', 'D2'])), DEFAULTS)).toEqual([]);
    expect(detect(buildContext(p, new Set(['D5'])), DEFAULTS)).toHaveLength(1);
    const q = emptyProjection();
    scored(q, 12);
    expect(detect(buildContext(q, new Set(['L7'])), DEFAULTS)).toEqual([]);
    q.evaluations = q.evaluations.filter((e) => e.expert === 'E1' || e.expert === 'E2');
    expect(detect(buildContext(q), DEFAULTS)).toEqual([]);
  });
});
