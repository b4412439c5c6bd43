/**
 * Stable cursor pagination for list responses `{items, next_cursor, total}`: the cursor is the
 * sort key of the last item of a page (opaque base64url JSON), so pages do not shift when new rows
 * arrive, unlike offsets.
 */
import { z } from 'zod';
import { HttpProblem } from './problem';

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  total: number;
}

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('items per page (1-500)'),
  cursor: z.string().optional().describe('next_cursor of the previous page'),
};

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | null {
  if (cursor === undefined) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    // falls through to the problem below
  }
  throw new HttpProblem(400, 'cursor is not one this API gave out; start again without it');
}

/** A page from rows fetched with limit + 1: the extra row only says that there is a next page. */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  total: number,
  item: (r: R) => T,
  key: (r: R) => unknown[],
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    items: kept.map(item),
    next_cursor: more ? encodeCursor(key(kept[kept.length - 1])) : null,
    total,
  };
}
