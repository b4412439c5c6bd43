/**
 * Turns one parsed JSON value into a typed record or a list of field-level problems, worded
 * for the person who has to fix the file (`bid.price must be a number, got "cheap"`).
 */
import { z } from 'zod';
import { RECORD_SCHEMAS, RECORD_TYPES, RecordType, TradingRecord } from './schemas';

export interface FieldProblem {
  field?: string;
  reason: string;
}

export type Validation =
  | { ok: true; record: TradingRecord; type: RecordType }
  | { ok: false; type?: string; id?: string; problems: FieldProblem[] };

/** Fields whose values must never be echoed into a report or a log. */
const SECRET_FIELDS = new Set(['id_number']);

/** Validates one value against the contract; never throws. */
export function validateRecord(value: unknown): Validation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [{ reason: 'a record must be a JSON object' }] };
  }
  const raw = value as Record<string, unknown>;
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : undefined;
  if (raw.type === undefined) return { ok: false, id, problems: [{ field: 'type', reason: 'is required' }] };
  if (typeof raw.type !== 'string' || !(RECORD_TYPES as string[]).includes(raw.type)) {
    return {
      ok: false,
      id,
      problems: [
        {
          field: 'type',
          reason: `unknown record type ${JSON.stringify(raw.type)}; expected one of ${RECORD_TYPES.join(', ')}`,
        },
      ],
    };
  }
  const type = raw.type as RecordType;
  const result = (RECORD_SCHEMAS[type] as z.ZodType).safeParse(raw);
  if (result.success) return { ok: true, type, record: result.data as TradingRecord };
  return { ok: false, type, id, problems: result.error.issues.map((issue) => toProblem(type, issue)) };
}

function toProblem(type: string, issue: z.core.$ZodIssue): FieldProblem {
  const path = issue.path.map(String).join('.');
  const field = path === '' ? undefined : `${type}.${path}`;
  const topField = String(issue.path[0] ?? '');
  const reason = SECRET_FIELDS.has(topField) ? 'is not valid (value not shown: personal data)' : issue.message;
  return { field, reason };
}
