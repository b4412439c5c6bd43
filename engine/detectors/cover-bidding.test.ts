import { buildContext } from '../context';
import { flagId } from '../flag';
import { emptyProjection, Projection } from '../model';
import { day, tender } from './behaviour-builders';
import { DEFAULTS, detect } from './cover-bidding';

/** Twenty honest lots of five bidders with varied winners: the market's disqualification rate. */
function market(p: Projection): void {
  for (let i = 0; i < 20; i += 1) {
    const bidders = [0, 1, 2, 3, 4].map((k) => `H${(i + k) % 10}`);
    tender(p, { lot: `M${i}`, date: day(i), bidders, winner: bidders[i % 5] });
  }
}

describe('cover-bidding', () => {
  it('flags a firm that never wins and loses mostly to one sponsor', () => {
    const p = emptyProjection();
    market(p);
    for (let i = 0; i < 6; i += 1) {
      tender(p, { lot: `C${i}`, date: day(40 + i), bidders: ['SPONSOR', 'LOSER', `O${i}`], winner: 'SPONSOR' });
    }
    for (let i = 0; i < 6; i += 1) {
      tender(p, {
        lot: `S${i}`,
        date: day(60 + i),
        bidders: ['SPONSOR', 'H1', 'H2', 'H3'],
        winner: i === 0 ? 'SPONSOR' : 'H1',
      });
    }
    const flags = detect(buildContext(p), DEFAULTS).filter((f) => f.entities.includes('LOSER'));
    expect(flags).toHaveLength(1);
    const [flag] = flags;
    expect(flag.id).toBe(flagId('cover-bidding', ['bidder', 'LOSER', 'SPONSOR']));
    expect(flag.entities).toEqual(['LOSER', 'SPONSOR']);
    expect(flag.score).toBeGreaterThanOrEqual(0.8);
    expect(flag.basis).toContain('R035');
    expect(flag.summary).toMatch(/^Pattern of persistent losing found/);
    expect(flag.evidence.find((e) => e.kind === 'sponsor')?.data).toMatchObject({ sponsorWins: 6, share: 1 });
    expect(flag.evidence.filter((e) => e.kind === 'lot')).toHaveLength(6);
    expect(flag.bids).toEqual(expect.arrayContaining(['C0-LOSER', 'C0-SPONSOR']));
  });

  it('flags a firm disqualified again and again, far above the market rate', () => {
    const p = emptyProjection();
    market(p);
    for (let i = 0; i < 6; i += 1) {
      tender(p, {
        lot: `R${i}`,
        date: day(40 + i),
        bidders: [`W${i}`, 'SLOPPY', 'H1'],
        winner: `W${i}`,
        bids: { SLOPPY: { status: i < 4 ? 'rejected' : 'valid' } },
      });
    }
    const flags = detect(buildContext(p), DEFAULTS).filter((f) => f.entities.includes('SLOPPY'));
    expect(flags.map((f) => f.id)).toEqual([flagId('cover-bidding', ['bidder', 'SLOPPY', 'disqualified'])]);
    expect(flags[0].evidence[0].data).toMatchObject({ rejections: 4, bids: 6, wins: 0 });
  });

  it('leaves an unlucky honest bidder that loses to many different winners alone', () => {
    const p = emptyProjection();
    market(p);
    for (let i = 0; i < 8; i += 1) {
      tender(p, { lot: `U${i}`, date: day(40 + i), bidders: [`W${i}`, 'UNLUCKY', 'H1'], winner: `W${i}` });
    }
    expect(detect(buildContext(p), DEFAULTS).filter((f) => f.entities.includes('UNLUCKY'))).toEqual([]);
  });

  it('does not take a busy winner who wins as often without the bidder for a sponsor', () => {
    const p = emptyProjection();
    market(p);
    for (let i = 0; i < 12; i += 1) {
      tender(p, {
        lot: `B${i}`,
        date: day(40 + i),
        bidders: ['CHAMP', 'H1', 'H2', 'H3'],
        winner: i % 4 ? 'CHAMP' : 'H2',
      });
    }
    for (let i = 0; i < 6; i += 1) {
      const winner = i < 3 ? 'CHAMP' : `W${i}`;
      tender(p, { lot: `Q${i}`, date: day(60 + i), bidders: ['CHAMP', 'SMALL', `W${i}`], winner });
    }
    expect(detect(buildContext(p), DEFAULTS).filter((f) => f.entities.includes('SMALL'))).toEqual([]);
  });

  it('flags a lot where every bid but the winner was disqualified, and not a lot with one bid', () => {
    const p = emptyProjection();
    tender(p, {
      lot: 'L1',
      bidders: ['A', 'B', 'C', 'D'],
      winner: 'D',
      bids: { A: { status: 'rejected' }, B: { status: 'rejected' }, C: { status: 'rejected' } },
    });
    tender(p, { lot: 'L2', bidders: ['A'], winner: 'A' });
    const flags = detect(buildContext(p), DEFAULTS);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ lot: 'L1', project: 'P-L1', bids: ['L1-D', 'L1-A', 'L1-B', 'L1-C'] });
    expect(flags[0].score).toBeCloseTo(0.8, 3);
    expect(flags[0].evidence[0].data).toMatchObject({ winner: 'D', cheaperRejected: 3 });
  });

  it('reports a bidder record only when one of its lots is in scope', () => {
    const p = emptyProjection();
    market(p);
    for (let i = 0; i < 6; i += 1) {
      tender(p, { lot: `C${i}`, date: day(40 + i), bidders: ['SPONSOR', 'LOSER'], winner: 'SPONSOR' });
    }
    const outside = detect(buildContext(p, new Set(['M0'])), DEFAULTS);
    expect(outside.filter((f) => f.entities.includes('LOSER'))).toEqual([]);
    const inside = detect(buildContext(p, new Set(['C3'])), DEFAULTS);
    expect(inside.filter((f) => f.entities.includes('LOSER'))).toHaveLength(1);
  });

  it('is deterministic and sorted by id', () => {
    const p = emptyProjection();
    market(p);
    for (let i = 0; i < 6; i += 1) {
      tender(p, { lot: `C${i}`, date: day(40 + i), bidders: ['SPONSOR', 'LOSER', 'LOSER2'], winner: 'SPONSOR' });
    }
    const first = detect(buildContext(p), DEFAULTS);
    expect(first.map((f) => f.id)).toEqual([...first.map((f) => f.id)].sort());
    expect(detect(buildContext(p), DEFAULTS)).toEqual(first);
  });
});
