/**
 * Regularities in sorted prices that competition does not produce: a run of bids forming an
 * arithmetic or geometric progression (《招标投标法实施条例》 Art. 40(4): 投标报价呈规律性差异; OCP R023),
 * and the densest cluster of values, used for a pair's price ratio repeated across lots.
 */
import { mean } from './describe';

export interface Progression {
  kind: 'arithmetic' | 'geometric';
  /** Index of the run's first value in the sorted input. */
  start: number;
  /** Number of values in the run (at least three). */
  length: number;
  /** The mean step: a difference (arithmetic) or a ratio (geometric). */
  step: number;
  /** Largest deviation of one step from the mean step, as a share of the tolerance: 0 is exact. */
  fit: number;
  /**
   * Rough chance that independent prices line up this well: (2 × largest deviation / mean step)
   * to the power (length − 2), each step after the first landing in a window that wide.
   */
  chance: number;
}

/**
 * The longest run of consecutive values (ascending input) whose steps are equal within tolerance
 * and not trivial. Arithmetic: every difference within `tolerance` × the run's mean value of the
 * mean difference, which is at least `minStep` × the run's mean value. Geometric: every ratio
 * within `tolerance` of the mean ratio, which is at least 1 + `minStep`. Ties go to the smaller
 * chance, then arithmetic, then the lower start.
 * @example longestProgression([100, 102, 104, 107], 0.001, 0.005) // arithmetic, start 0, length 3, step 2
 */
export function longestProgression(
  sorted: readonly number[],
  tolerance: number,
  minStep: number,
): Progression | undefined {
  let best: Progression | undefined;
  for (let start = 0; start + 3 <= sorted.length; start += 1) {
    for (let end = start + 3; end <= sorted.length; end += 1) {
      const run = sorted.slice(start, end);
      for (const candidate of [arithmetic(run, tolerance, minStep), geometric(run, tolerance, minStep)]) {
        if (candidate && better({ ...candidate, start }, best)) best = { ...candidate, start };
      }
    }
  }
  return best;
}

type Fit = Omit<Progression, 'start'>;

function arithmetic(run: number[], tolerance: number, minStep: number): Fit | undefined {
  const scale = mean(run);
  const steps = run.slice(1).map((x, i) => x - run[i]);
  return fitOf('arithmetic', steps, tolerance * scale, minStep * scale, 0);
}

function geometric(run: number[], tolerance: number, minStep: number): Fit | undefined {
  const steps = run.slice(1).map((x, i) => x / run[i]);
  return fitOf('geometric', steps, tolerance, minStep, 1);
}

function fitOf(kind: Fit['kind'], steps: number[], allowed: number, minStep: number, none: number): Fit | undefined {
  const step = mean(steps);
  const deviation = Math.max(...steps.map((s) => Math.abs(s - step)));
  if (!(allowed > 0) || deviation > allowed || step - none < minStep) return undefined;
  const chance = Math.min(1, (2 * deviation) / (step - none)) ** (steps.length - 1);
  return { kind, length: steps.length + 1, step, fit: deviation / allowed, chance };
}

function better(candidate: Progression, best: Progression | undefined): boolean {
  if (!best) return true;
  if (candidate.length !== best.length) return candidate.length > best.length;
  if (candidate.chance !== best.chance) return candidate.chance < best.chance;
  return candidate.kind === 'arithmetic' && best.kind === 'geometric';
}

/**
 * The largest run of ascending values spanning at most `width` (last − first ≤ width), as
 * [start, length]; the first such run on ties; [0, 0] for no values.
 * @example densest([1, 5, 5.1, 5.15, 9], 0.2) // [1, 3]
 */
export function densest(sorted: readonly number[], width: number): [number, number] {
  let best: [number, number] = [0, 0];
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end] - sorted[start] > width) start += 1;
    if (end - start + 1 > best[1]) best = [start, end - start + 1];
  }
  return best;
}
