/**
 * Bearer API keys: `Authorization: Bearer ck_…` → the key's role and jurisdiction, or 401. Only
 * hashes are stored (api/keys/store.ts); lookups are cached for a few seconds so a busy feed does
 * not ask Neo4j on every request, and a revoked key stops working within that time.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Graph } from '../cypher/runner';
import type { ApiDeps } from './deps';
import { ApiKey, findKey, hashKey } from './keys/store';
import { HttpProblem } from './problem';
import { refuse } from './refuse';
import { scopeOf } from './scope';

/** findKey with a short cache keyed by the secret's hash (never the secret itself). */
export function cachedKeyLookup(graph: Graph, ttlMs = 5000): (presented: string) => Promise<ApiKey | undefined> {
  const cache = new Map<string, { key: ApiKey | undefined; until: number }>();
  return async (presented) => {
    const hash = hashKey(presented);
    const hit = cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.key;
    const key = await findKey(graph, presented);
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, { key, until: Date.now() + ttlMs });
    return key;
  };
}

export function authenticate(deps: ApiDeps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match ? await deps.findKey(match[1]) : undefined;
    if (key) {
      res.locals.caller = { key, scope: scopeOf(key) };
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="collusion"');
    refuse(
      deps,
      req,
      res,
      new HttpProblem(
        401,
        match
          ? 'the API key is unknown or revoked; ask an administrator for a key (`collusion keys create`)'
          : 'send an API key as `Authorization: Bearer <key>`; an administrator creates one with `collusion keys create`',
      ),
    );
  };
}
