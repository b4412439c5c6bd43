/**
 * A key's jurisdiction: division-code prefixes and sectors (null = unrestricted). It travels into
 * every Cypher statement as `$regions` and `$sectors`, so that out-of-scope data is never read,
 * rather than read and filtered afterwards.
 */
import type { ApiKey } from './keys/store';

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
