/**
 * Compiles the releases of one contracting process (one ocid) into one release, by the OCDS
 * merge rules, simplified:
 * - releases apply in `date` order; a release without a valid date comes first, equal dates keep
 *   the order of the file;
 * - an object merges member by member, a later value replacing an earlier one;
 * - `null` removes the field;
 * - a list whose items are all objects with an `id` merges item by item on `id` (an item with a
 *   new id is appended; items of equal id merge, the later one winning);
 * - any other list (texts, numbers, objects without `id`) is replaced whole.
 * Not done: the schema's per-field `wholeListMerge` and `omitWhenMerged`, versioned releases.
 */
import { isObject, JsonObject } from './take';

/**
 * The compiled release of releases of one ocid; the inputs are left untouched.
 * @example
 * mergeReleases([{ ocid: 'A', date: '2024-02-01', tender: { title: 'New' } }, { ocid: 'A', date: '2024-01-01', tender: { title: 'Old', id: 'T' } }])
 * // { ocid: 'A', date: '2024-02-01', tender: { title: 'New', id: 'T' } }
 */
export function mergeReleases(releases: readonly JsonObject[]): JsonObject {
  const ordered = releases
    .map((release, order) => ({ release, order, time: Date.parse(String(release.date)) }))
    .sort((a, b) => timeOrder(a.time) - timeOrder(b.time) || a.order - b.order);
  const compiled: JsonObject = {};
  for (const { release } of ordered) mergeInto(compiled, release);
  return compiled;
}

const timeOrder = (time: number) => (Number.isNaN(time) ? -Infinity : time);

function mergeInto(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (value === null) delete target[key];
    else if (isObject(value)) {
      const into = isObject(current) ? current : {};
      mergeInto(into, value);
      target[key] = into;
    } else if (Array.isArray(value)) target[key] = mergeLists(Array.isArray(current) ? current : [], value);
    else target[key] = value;
  }
}

const hasIds = (list: unknown[]): list is JsonObject[] =>
  list.every((item) => isObject(item) && (typeof item.id === 'string' || typeof item.id === 'number'));

function mergeLists(current: unknown[], next: unknown[]): unknown[] {
  if (!hasIds(current) || !hasIds(next)) return structuredClone(next);
  const byId = new Map(current.map((item) => [String(item.id), item]));
  for (const item of next) {
    const existing = byId.get(String(item.id));
    if (existing) mergeInto(existing, item);
    else {
      const fresh: JsonObject = {};
      mergeInto(fresh, item);
      byId.set(String(item.id), fresh);
    }
  }
  return [...byId.values()];
}
