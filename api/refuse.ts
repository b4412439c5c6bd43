/**
 * Answers a request that never reaches a route's handler (no or unknown key, rate limit, no such
 * route): audited like every other request, before the problem goes out.
 */
import type { Request, Response } from 'express';
import type { ApiDeps } from './deps';
import { HttpProblem, sendProblem } from './problem';
import type { Caller } from './route';

export function refuse(deps: ApiDeps, req: Request, res: Response, problem: HttpProblem): void {
  const caller = res.locals.caller as Caller | undefined;
  deps.audit.append({
    key: caller?.key.name ?? '-',
    role: caller?.key.role ?? '-',
    method: req.method,
    route: req.baseUrl + req.path,
    params: {},
    status: problem.status,
    ms: 0,
  });
  sendProblem(res, problem);
}
