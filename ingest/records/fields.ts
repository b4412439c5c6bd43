/**
 * Field-level zod building blocks of the trading-data contract (dates, money, ids, codes).
 * Shared by the per-type schemas so that every type rejects bad values with the same words.
 */
import { z } from 'zod';
import { normaliseUscc } from '../normalise/uscc';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A string id; integers are accepted and turned into strings (many exporters write numeric ids). */
export const id = z.union([z.string().trim().min(1, 'must not be empty'), z.number().int().transform(String)], {
  error: (issue) => (issue.input === undefined ? 'is required' : `must be a string id, got ${describe(issue.input)}`),
});

/** ISO 8601 date or date-time that names a real calendar day. */
export const isoDate = z.string({ error: (i) => `must be an ISO 8601 date, got ${describe(i.input)}` }).refine(
  (value) => {
    const m = ISO_DATE.exec(value);
    if (!m) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  },
  { error: (i) => `must be an ISO 8601 date such as 2024-03-05, got ${describe(i.input)}` },
);

/** A non-negative amount of money in the project's currency. */
export const money = z
  .number({ error: (i) => `must be a number, got ${describe(i.input)}` })
  .refine(Number.isFinite, 'must be a finite number')
  .refine((n) => n >= 0, { error: (i) => `must not be negative, got ${String(i.input)}` });

/** 6-digit administrative division code (行政区划代码); integers accepted. */
export const region = z
  .union([z.string(), z.number().int().transform(String)])
  .refine((s) => /^\d{6}$/.test(s), { error: (i) => `must be a 6-digit division code, got ${describe(i.input)}` });

/** 统一社会信用代码, checksum validated and returned in canonical form. */
export const uscc = z.string({ error: (i) => `must be a string, got ${describe(i.input)}` }).transform((raw, ctx) => {
  const result = normaliseUscc(raw);
  if ('error' in result) {
    ctx.addIssue({ code: 'custom', message: `is not a valid USCC: ${result.error}` });
    return z.NEVER;
  }
  return result.value;
});

/** A list of strings; a single string is accepted as a one-element list. */
export const stringList = z
  .union([z.string().transform((s) => [s]), z.array(z.union([z.string(), z.number().transform(String)]))], {
    error: (i) => `must be a list of strings, got ${describe(i.input)}`,
  })
  .transform((list) => list.map((s) => s.trim()).filter((s) => s !== ''));

export const text = z.union([z.string(), z.number().transform(String)], {
  error: (i) => `must be a string, got ${describe(i.input)}`,
});

export const lowerWord = z
  .string({ error: (i) => `must be a string, got ${describe(i.input)}` })
  .refine((s) => /^[a-z][a-z0-9_]*$/.test(s), {
    error: (i) => `must be a lower-case word (a-z, 0-9, _), got ${describe(i.input)}`,
  });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (i) => `must be one of ${values.join(', ')}; got ${describe(i.input)}` });
}

/** Short, safe rendering of a bad value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
