import { buildContext } from '../context';
import { flagId } from '../flag';
import { emptyProjection, Projection } from '../model';
import { day, tender } from './behaviour-builders';
import { DEFAULTS, detect } from './bid-rotation';

const RING = ['A', 'B', 'C'];

/** The ring meets in `count` lots, one outsider each, and the wins go round A, B, C, A, … */
function ring(p: Projection, count: number, dated = true): void {
  for (let i = 0; i < count; i += 1) {
    tender(p, {
      lot: `R${i}`,
      date: dated ? day(10 * i) : undefined,
      bidders: [...RING, `X${i}`],
      winner: RING[i % 3],
    });
  }
}

describe('bid-rotation', () => {
  it('flags a group whose wins pass round in turn', () => {
    const p = emptyProjection();
    ring(p, 9);
    const flags = detect(buildContext(p), DEFAULTS);
    expect(flags).toHaveLength(1);
    const [flag] = flags;
    expect(flag.id).toBe(flagId('bid-rotation', ['group', 'A', 'B', 'C']));
    expect(flag.entities).toEqual(['A', 'B', 'C']);
    expect(flag.score).toBeGreaterThanOrEqual(0.8);
    expect(flag.summary).toMatch(/^Pattern of wins passing round found/);
    const stats = flag.evidence[0].data;
    expect(stats).toMatchObject({ meetings: 9, insideWins: 9, windows: 7, windowsWithoutRepeat: 7, outsideWins: 0 });
    expect(stats?.wins).toEqual({ A: 3, B: 3, C: 3 });
    const sequence = flag.evidence.filter((e) => e.kind === 'win-sequence');
    expect(sequence.map((e) => e.data?.winner)).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'A', 'B', 'C']);
    expect(sequence[0].data).toMatchObject({ lot: 'R0', date: day(0), present: RING, otherBidders: 1 });
    expect(flag.bids).toHaveLength(27);
  });

  it('leaves honest competition with varied winners alone', () => {
    const p = emptyProjection();
    const winners = ['O0', 'A', 'O2', 'A', 'B', 'O5', 'B', 'A'];
    winners.forEach((winner, i) =>
      tender(p, { lot: `H${i}`, date: day(10 * i), bidders: [...RING, `O${i}`, `P${i}`, `Q${i}`], winner }),
    );
    expect(detect(buildContext(p), DEFAULTS)).toEqual([]);
  });

  it('scores a group that wins evenly but not in turn lower than a rotating one', () => {
    const rotating = emptyProjection();
    ring(rotating, 6);
    const clumped = emptyProjection();
    ['A', 'A', 'B', 'B', 'C', 'C'].forEach((winner, i) =>
      tender(clumped, { lot: `R${i}`, date: day(10 * i), bidders: [...RING, `X${i}`], winner }),
    );
    const score = (p: Projection) => detect(buildContext(p), { ...DEFAULTS, minScore: 0 })[0]?.score ?? 0;
    expect(score(clumped)).toBeLessThan(score(rotating));
    expect(score(clumped)).toBeLessThan(DEFAULTS.minScore);
  });

  it('falls back to evenness alone when the meetings have no dates', () => {
    const p = emptyProjection();
    ring(p, 9, false);
    const flags = detect(buildContext(p), { ...DEFAULTS, minScore: 0 });
    expect(flags).toHaveLength(1);
    expect(flags[0].evidence[0].data).toMatchObject({ windows: 0, turnTakingP: 1 });
    expect(flags[0].evidence[1].text).toMatch(/^undated /);
  });

  it('reports a group only when one of its meetings is in scope, and ignores one-bid lots', () => {
    const p = emptyProjection();
    ring(p, 9);
    tender(p, { lot: 'SOLO', date: day(200), bidders: ['A'], winner: 'A' });
    expect(detect(buildContext(p, new Set(['SOLO'])), DEFAULTS)).toEqual([]);
    const scoped = detect(buildContext(p, new Set(['R4'])), DEFAULTS);
    expect(scoped).toHaveLength(1);
    expect(scoped[0].evidence[0].data).toMatchObject({ meetings: 9, outsideWins: 1 });
  });
});
