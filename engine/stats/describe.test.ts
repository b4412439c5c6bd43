import { cv, densityAt, ksUniform, kurtosis, mean, percentile, sd, skewness } from './describe';

describe('describe', () => {
  it('computes mean, sample sd and CV as by hand', () => {
    expect(mean([1, 2, 3, 4, 5])).toBe(3);
    // Σ(x − 3)² = 10, over n − 1 = 4.
    expect(sd([1, 2, 3, 4, 5])).toBeCloseTo(Math.sqrt(2.5), 12);
    // sd([90, 100, 110]) = 10, mean 100.
    expect(cv([90, 100, 110])).toBeCloseTo(0.1, 12);
  });

  it('computes the adjusted skewness and excess kurtosis (Excel SKEW, KURT)', () => {
    // [0, 0, 3]: mean 1, sd √3, Σz³ = 6 / (3√3); G1 = 3 / (2 · 1) · Σz³ = √3.
    expect(skewness([0, 0, 3])).toBeCloseTo(Math.sqrt(3), 12);
    expect(skewness([1, 2, 3, 4, 5])).toBeCloseTo(0, 12);
    // [1 … 5]: Σz⁴ = 34 / 6.25 = 5.44; 30 / 24 · 5.44 − 3 · 16 / 6 = 6.8 − 8.
    expect(kurtosis([1, 2, 3, 4, 5])).toBeCloseTo(-1.2, 12);
  });

  it('computes the KS statistic against uniform on [min, max]', () => {
    // F = 0, 0.1, 0.2, 1: the largest gap is 3/4 − 0.2 at the third value.
    expect(ksUniform([10, 0, 2, 1])).toBeCloseTo(0.55, 12);
    // Evenly spaced values: D = 1 / n.
    expect(ksUniform([0, 1, 2, 3])).toBeCloseTo(0.25, 12);
  });

  it('places a value in a sorted reference by mid-rank', () => {
    expect(percentile([1, 2, 2, 3], 2)).toBe(0.5);
    expect(percentile([1, 2, 2, 3], 0)).toBe(0);
    expect(percentile([1, 2, 2, 3], 9)).toBe(1);
    expect(percentile([1, 2, 2, 3], 2.5)).toBe(0.75);
  });

  it('estimates a density from the values near x, never zero', () => {
    // One of four values within ± 0.05 of 0.1: 1 / 4 per 0.1 wide window.
    expect(densityAt([0, 0.1, 0.2, 0.3], 0.1, 0.05)).toBeCloseTo(2.5, 12);
    expect(densityAt([0, 0.1, 0.2, 0.3], 0.15, 0.1)).toBeCloseTo(2 / 4 / 0.2, 12);
    expect(densityAt([0, 0.1], 5, 0.1)).toBeCloseTo(1 / 2 / 0.2, 12);
  });

  it('returns NaN where a statistic is undefined', () => {
    expect(mean([])).toBeNaN();
    expect(sd([5])).toBeNaN();
    expect(cv([0, 0])).toBeNaN();
    expect(skewness([1, 2])).toBeNaN();
    expect(skewness([4, 4, 4])).toBeNaN();
    expect(kurtosis([1, 2, 3])).toBeNaN();
    expect(ksUniform([7, 7, 7])).toBeNaN();
    expect(percentile([], 1)).toBeNaN();
  });
});
