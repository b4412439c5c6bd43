/**
 * A key's jurisdiction: division-code prefixes and sectors (null = unrestricted). It travels into
 * every Cypher statement as `$regions` and `$sectors`, so that out-of-scope data is never read,
 * rather than read and filtered afterwards.
 */
import { z } from 'zod';
import type { ApiKey } from './keys/store';

/** A division-code prefix (2-6 digits, e.g. 4101) and a sector name, in keys and in filters. */
export const REGION_PREFIX = /^\d{2,6}$/;
export const SECTOR_NAME = /^[a-z_-]+$/;

/** Optional `region` and `sector` query filters, which narrow within the key's scope. */
export const scopeFilterQuery = {
  region: z.string().regex(REGION_PREFIX, 'a division-code prefix of 2-6 digits').optional(),
  sector: z.string().regex(SECTOR_NAME, 'a sector name: lower-case letters, _ and -').optional(),
};

export interface Scope {
  regions: string[] | null;
  sectors: string[] | null;
}

export function scopeOf(key: Pick<ApiKey, 'regions' | 'sectors'>): Scope {
  return {
    regions: key.regions && key.regions.length > 0 ? key.regions : null,
    sectors: key.sectors && key.sectors.length > 0 ? key.sectors : null,
  };
}

/** Whether a "region|sector" jurisdiction lies in the scope (the same test the Cypher makes). */
export function inScope(scope: Scope, jurisdiction: string): boolean {
  const [region, sector] = jurisdiction.split('|');
  return (
    (scope.regions === null || scope.regions.some((p) => region.startsWith(p))) &&
    (scope.sectors === null || scope.sectors.includes(sector))
  );
}
