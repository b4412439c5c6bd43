/** Binomial tails against hand-computed values. */
import { binomialUpperTail } from './binomial';

test('P(X ≥ k) for small n matches the sum of the mass function', () => {
  expect(binomialUpperTail(3, 0.5, 2)).toBeCloseTo(0.5, 12); // (3 + 1) / 8
  expect(binomialUpperTail(4, 0.25, 4)).toBeCloseTo(1 / 256, 12);
  expect(binomialUpperTail(10, 0.1, 0)).toBe(1);
  expect(binomialUpperTail(10, 0.1, 11)).toBe(0);
  expect(binomialUpperTail(5, 0, 1)).toBe(0);
});
