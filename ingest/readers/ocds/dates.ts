/**
 * OCDS dates are date-times. Publishers that know only the day write it at midnight
 * (`2024-03-05T00:00:00+08:00`), so a date-time at exactly midnight is read as that day
 * (`2024-03-05`), the way the canonical format writes days; any other value is kept as it is.
 */

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** @example dayOrTime('2024-03-05T00:00:00+08:00') // '2024-03-05' */
export function dayOrTime(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  return MIDNIGHT.exec(value)?.[1] ?? value;
}
