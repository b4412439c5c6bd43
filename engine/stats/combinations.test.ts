import { choose, combinations } from './combinations';

describe('combinations', () => {
  it('lists k-subsets lexicographically', () => {
    expect(combinations(4, 3)).toEqual([
      [0, 1, 2],
      [0, 1, 3],
      [0, 2, 3],
      [1, 2, 3],
    ]);
    expect(combinations(12, 4)).toHaveLength(495);
    expect(combinations(2, 3)).toEqual([]);
  });
});

describe('choose', () => {
  it('counts k-subsets', () => {
    expect(choose(12, 4)).toBe(495);
    expect(choose(9, 3)).toBe(84);
    expect(choose(5, 0)).toBe(1);
    expect(choose(2, 3)).toBe(0);
  });
});
