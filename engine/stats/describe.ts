/**
 * Descriptive statistics of a small sample of bids, as the price screens of Imhof (2017), Huber &
 * Imhof (2019) and Wallimann, Imhof & Huber (2023) use them, and the empirical percentile that
 * places a value in its market. Pure functions of number arrays; NaN where a statistic is not
 * defined for the sample (too few values, no variance), so callers decide what to show.
 */

/**
 * Arithmetic mean; NaN for an empty sample.
 * @example mean([1, 2, 3]) // 2
 */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

/**
 * Sample standard deviation (denominator n − 1); NaN below two values.
 * @example sd([1, 2, 3, 4, 5]) // √2.5 ≈ 1.5811
 */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Coefficient of variation sd / mean; NaN when either is undefined or the mean is 0.
 * @example cv([90, 100, 110]) // 0.1
 */
export function cv(xs: readonly number[]): number {
  const m = mean(xs);
  return m === 0 ? NaN : sd(xs) / m;
}

/** Standardised values (x − mean) / sd, or undefined without variance. */
function standardised(xs: readonly number[]): number[] | undefined {
  const s = sd(xs);
  if (!(s > 0)) return undefined;
  const m = mean(xs);
  return xs.map((x) => (x - m) / s);
}

/**
 * Adjusted Fisher–Pearson skewness G1 = n / ((n − 1)(n − 2)) · Σ zᵢ³ with zᵢ = (xᵢ − mean) / sd
 * (Excel's SKEW); NaN below three values or without variance.
 * @example skewness([0, 0, 3]) // √3
 */
export function skewness(xs: readonly number[]): number {
  const n = xs.length;
  const z = n < 3 ? undefined : standardised(xs);
  if (!z) return NaN;
  return (n / ((n - 1) * (n - 2))) * z.reduce((sum, v) => sum + v ** 3, 0);
}

/**
 * Excess kurtosis G2 = n(n + 1) / ((n − 1)(n − 2)(n − 3)) · Σ zᵢ⁴ − 3(n − 1)² / ((n − 2)(n − 3))
 * (Excel's KURT); NaN below four values or without variance.
 * @example kurtosis([1, 2, 3, 4, 5]) // −1.2
 */
export function kurtosis(xs: readonly number[]): number {
  const n = xs.length;
  const z = n < 4 ? undefined : standardised(xs);
  if (!z) return NaN;
  const sum4 = z.reduce((sum, v) => sum + v ** 4, 0);
  return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * sum4 - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
}

/**
 * Kolmogorov–Smirnov statistic D = maxᵢ max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n) of the sample
 * against the uniform distribution on [min, max]; NaN below two values or when all are equal.
 * @example ksUniform([0, 1, 2, 10]) // 0.55
 */
export function ksUniform(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  const low = sorted[0];
  const range = sorted[n - 1] - low;
  if (n < 2 || !(range > 0)) return NaN;
  return sorted.reduce((d, x, i) => {
    const f = (x - low) / range;
    return Math.max(d, (i + 1) / n - f, f - i / n);
  }, 0);
}

/**
 * Empirical percentile of x in an ascending reference, counting ties half (mid-rank):
 * (values below x + values equal to x / 2) / n, in [0, 1]; NaN for an empty reference.
 * @example percentile([1, 2, 2, 3], 2) // 0.5
 */
export function percentile(sorted: ArrayLike<number>, x: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const below = bound(sorted, (v) => v < x);
  const upTo = bound(sorted, (v) => v <= x);
  return (below + (upTo - below) / 2) / n;
}

/**
 * Empirical density of an ascending sample at x: the share of values within ± halfWidth of x, per
 * unit, never below one value's worth (so an empty neighbourhood is rare, not impossible).
 * @example densityAt([0, 0.1, 0.2, 0.3], 0.1, 0.05) // 1 / 4 / 0.1 = 2.5
 */
export function densityAt(sorted: ArrayLike<number>, x: number, halfWidth: number): number {
  const inside = bound(sorted, (v) => v <= x + halfWidth) - bound(sorted, (v) => v < x - halfWidth);
  return Math.max(1, inside) / (Math.max(1, sorted.length) * 2 * halfWidth);
}

/** Number of leading values of an ascending array that satisfy a monotone predicate. */
function bound(sorted: ArrayLike<number>, before: (v: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
