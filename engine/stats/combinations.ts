/**
 * k-subsets of n items, as index arrays in lexicographic order (the subgroups of three or four
 * bids over which Wallimann, Imhof & Huber (2023) compute screens to find incomplete cartels), and
 * how many there are (to bound the chance of a coincidence among a pair's meetings).
 */

/**
 * Every k-subset of the indices 0 … n − 1, lexicographically.
 * @example combinations(4, 3) // [[0, 1, 2], [0, 1, 3], [0, 2, 3], [1, 2, 3]]
 */
export function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (from: number): void => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = from; i <= n - (k - pick.length); i += 1) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  if (k >= 0 && k <= n) walk(0);
  return out;
}

/**
 * The binomial coefficient C(n, k), as a float for large values.
 * @example choose(12, 4) // 495
 */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let out = 1;
  for (let i = 1; i <= Math.min(k, n - k); i += 1) out = (out * (n - i + 1)) / i;
  return out;
}
