import { densest, longestProgression } from './regularity';

describe('longestProgression', () => {
  it('finds an exact arithmetic run and prefers it to a looser geometric fit', () => {
    expect(longestProgression([100, 102, 104, 107], 0.001, 0.005)).toEqual({
      kind: 'arithmetic',
      start: 0,
      length: 3,
      step: 2,
      fit: 0,
      chance: 0,
    });
  });

  it('finds a geometric run', () => {
    const run = longestProgression([90, 100, 103, 106.09, 109.2727], 0.001, 0.005);
    expect(run).toMatchObject({ kind: 'geometric', start: 1, length: 4 });
    expect(run?.step).toBeCloseTo(1.03, 9);
    expect(run?.chance).toBeLessThan(1e-9);
  });

  it('estimates the chance of a loose fit', () => {
    // Steps 100 and 100.5 around 100.25: deviation 0.25, chance 2 × 0.25 / 100.25 (ratios 1.1 and 1.091 do not fit).
    expect(longestProgression([1000, 1100, 1200.5], 0.001, 0.005)).toMatchObject({
      kind: 'arithmetic',
      chance: 0.5 / 100.25,
    });
  });

  it('ignores trivial steps and irregular prices', () => {
    expect(longestProgression([1000, 1000.5, 1001], 0.001, 0.005)).toBeUndefined();
    expect(longestProgression([100, 103, 104], 0.001, 0.005)).toBeUndefined();
    expect(longestProgression([100, 102], 0.001, 0.005)).toBeUndefined();
  });
});

describe('densest', () => {
  it('returns the largest run within the width', () => {
    expect(densest([1, 5, 5.1, 5.15, 9], 0.2)).toEqual([1, 3]);
    expect(densest([], 1)).toEqual([0, 0]);
  });
});
