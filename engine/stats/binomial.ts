/** Binomial tail probabilities, for "more often than chance" tests (cover bidding, expert drawing). */

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log-safe steps from k upward. */
export function binomialUpperTail(n: number, p: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  let log = k * Math.log(p) + (n - k) * Math.log(1 - p);
  for (let i = 1; i <= k; i += 1) log += Math.log(n - k + i) - Math.log(i);
  let term = Math.exp(log);
  let sum = 0;
  for (let j = k; j <= n; j += 1) {
    sum += term;
    term *= ((n - j) / (j + 1)) * (p / (1 - p));
    if (term < sum * 1e-16) break;
  }
  return Math.min(1, sum);
}
