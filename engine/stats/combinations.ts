/**
 * k-subsets of n items, as index arrays in lexicographic order: the subgroups of three or four
 * bids over which Wallimann, Imhof & Huber (2023) compute screens to find incomplete cartels.
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
