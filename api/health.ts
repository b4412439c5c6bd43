/** GET /healthz: whether Neo4j and Redis answer, for load balancers and `collusion serve` users. */
import type { Request, Response } from 'express';
import type { ApiDeps } from './deps';

async function check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return 'up';
  } catch {
    return 'down';
  }
}

export function healthHandler(deps: ApiDeps) {
  return async (_req: Request, res: Response): Promise<void> => {
    const [neo4j, redis] = await Promise.all([
      check(() => deps.graph.read('admin/ping')),
      check(() => deps.queues.rescore.client.ping()),
    ]);
    const ok = neo4j === 'up' && redis === 'up';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', neo4j, redis });
  };
}
