/**
 * Consuming reads of an OCDS release: the mapping takes each field it uses out of the release,
 * so that whatever is left afterwards is exactly what was not mapped, and is counted
 * (unmapped.ts). Objects and lists are handed out in place and emptied by the reads of their
 * members; scalars are removed as they are read.
 */

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Removes a field and returns its value, whatever it is (validation judges the value later). */
export function take(from: JsonObject | undefined, key: string): unknown {
  if (!from || !(key in from)) return undefined;
  const value = from[key];
  delete from[key];
  return value;
}

/** Removes a text field (numbers count as text) and returns it; leaves anything else in place. */
export function takeText(from: JsonObject | undefined, key: string): string | undefined {
  const value = from?.[key];
  if (typeof value === 'number') return String(take(from, key));
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  delete from![key];
  return value.trim();
}

/** Removes a list of texts and returns it; leaves anything else in place. */
export function takeTexts(from: JsonObject | undefined, key: string): string[] | undefined {
  const value = from?.[key];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number')) return undefined;
  delete from![key];
  return value.map(String);
}

/** The object at a key, left in place for its members to be taken. */
export function objectAt(from: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = from?.[key];
  return isObject(value) ? value : undefined;
}

/** The list at a key, left in place for its members to be taken. */
export function listAt(from: JsonObject | undefined, key: string): unknown[] {
  const value = from?.[key];
  return Array.isArray(value) ? value : [];
}

/** Drops the fields that read nothing, so that records carry no undefined values. */
export function defined<T extends JsonObject>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}
