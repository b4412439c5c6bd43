/**
 * Counts what the mapping left of each release by JSON path, array positions folded into `[]`
 * (`releases[].tender.items[].classification.scheme`), so that the load report says which OCDS
 * fields were not loaded and how often they occurred. Bounded: at most MAX_PATHS distinct paths
 * are tracked (occurrences of further paths are counted together), and the report lists the
 * most frequent REPORTED of them.
 */
import { UnmappedFields } from '../types';
import { isObject } from './take';

const MAX_PATHS = 10_000;
const REPORTED = 200;
/** Where occurrences of paths beyond MAX_PATHS are counted. */
export const UNTRACKED = '(other paths)';

export class UnmappedCounter {
  private readonly counts = new Map<string, number>();

  /** Counts every leaf of `value` (a scalar, or a list of scalars) under `path`. */
  addLeaves(path: string, value: unknown): void {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      if (value.every((v) => !isObject(v) && !Array.isArray(v))) this.add(path);
      else for (const item of value) this.addLeaves(`${path}[]`, item);
      return;
    }
    if (isObject(value)) {
      for (const [key, member] of Object.entries(value)) this.addLeaves(path ? `${path}.${key}` : key, member);
      return;
    }
    this.add(path);
  }

  private add(path: string): void {
    const key = this.counts.has(path) || this.counts.size < MAX_PATHS ? path : UNTRACKED;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The most frequent paths first (ties by path), and how many more there are. */
  summary(): UnmappedFields {
    const sorted = [...this.counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
    return { paths: Object.fromEntries(sorted.slice(0, REPORTED)), more: Math.max(0, sorted.length - REPORTED) };
  }
}
