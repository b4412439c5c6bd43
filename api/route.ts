/**
 * One table of routes drives both the express router and the OpenAPI document, so the two cannot
 * drift: each route says its method, path, roles, and the zod schemas of its path parameters,
 * query and body. The wrapper authorises, validates, runs the handler, writes the audit entry
 * (before the response leaves) and answers, with problem+json on every failure.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ApiDeps } from './deps';
import type { ApiKey, Role } from './keys/store';
import { HttpProblem, sendProblem, toProblem } from './problem';
import { Scope } from './scope';

/** Who is calling: the key (never the secret) and its jurisdiction. */
export interface Caller {
  key: ApiKey;
  scope: Scope;
}

export interface Input<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller;
  deps: ApiDeps;
  req: Request;
  res: Response;
}

/** What a handler returns: a JSON body (status 200 unless said). Streaming handlers return nothing useful. */
export interface Reply {
  status?: number;
  body?: unknown;
  /** Result count for the audit entry (items of a page, nodes of a graph). */
  count?: number;
  headers?: Record<string, string>;
  /** A body that is not JSON (an HTML or PDF document), sent as it is with its content type. */
  raw?: { type: string; data: Buffer | string };
  /** Facts for the audit entry beside the request's parameters (e.g. the SHA-256 of a document sent). */
  audit?: Record<string, unknown>;
}

type Shape = z.ZodRawShape;

export interface RouteDef<P extends Shape = Shape, Q extends Shape = Shape, B extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express path under /api/v1, e.g. '/flags/:id'. */
  path: string;
  summary: string;
  tag: string;
  roles: readonly Role[];
  params?: P;
  query?: Q;
  body?: B;
  /** Body content type when not JSON (e.g. 'application/x-ndjson'); the handler reads the stream. */
  rawBody?: string[];
  /** Schema of a 2xx body for the OpenAPI document. */
  response?: z.ZodType;
  successStatus?: number;
  /** The handler streams its answer (SSE): the audit entry is written when the stream opens. */
  stream?: boolean;
  /** Content types of a 2xx body that is not JSON (`Reply.raw`), for the OpenAPI document: text or binary. */
  produces?: Record<string, 'text' | 'binary'>;
  handle(input: Input<z.infer<z.ZodObject<P>>, z.infer<z.ZodObject<Q>>, z.infer<B>>): Promise<Reply>;
}

/** Declares a route with its types inferred from its schemas. */
export function route<P extends Shape, Q extends Shape, B extends z.ZodType>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}

/** Readers (everyone who looks at findings) and who may triage. */
export const READERS: readonly Role[] = ['admin', 'auditor', 'supervisor', 'investigator'];
export const TRIAGERS: readonly Role[] = ['admin', 'supervisor', 'investigator'];

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return {} as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: [where, ...i.path].join('.'), reason: i.message }));
  throw new HttpProblem(400, issues.map((i) => `${i.field}: ${i.reason}`).join('; '), { errors: issues });
}

/** Safe audit parameters: the path and query parameters, and the body's field names only. */
function auditParams(req: Request): Record<string, unknown> {
  const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? Object.keys(req.body) : [];
  return { ...req.params, ...(req.query as Record<string, unknown>), ...(body.length ? { body_fields: body } : {}) };
}

/** The express handler of a route: caller → role → schemas → handler → audit → answer. */
export function handlerOf(def: RouteDef, deps: ApiDeps) {
  const paramsSchema = def.params ? z.object(def.params) : undefined;
  const querySchema = def.query ? z.object(def.query) : undefined;
  return async (req: Request, res: Response): Promise<void> => {
    const started = performance.now();
    const caller = res.locals.caller as Caller;
    const audit = (status: number, count?: number, facts?: Record<string, unknown>) =>
      deps.audit.append({
        key: caller.key.name,
        role: caller.key.role,
        method: req.method,
        route: `/api/v1${def.path}`,
        params: { ...auditParams(req), ...(facts ?? {}) },
        status,
        count,
        ms: Math.round(performance.now() - started),
      });
    let reply: Reply;
    try {
      if (!def.roles.includes(caller.key.role)) {
        throw new HttpProblem(403, `the ${caller.key.role} role may not ${def.method.toUpperCase()} ${def.path}`);
      }
      const params = parse(paramsSchema, req.params, 'path');
      const query = parse(querySchema, req.query, 'query');
      const body = parse(def.body, def.rawBody ? undefined : req.body, 'body');
      if (def.stream) {
        audit(200);
        await def.handle({ params, query, body, caller, deps, req, res });
        return;
      }
      reply = await def.handle({ params, query, body, caller, deps, req, res });
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) deps.log.error({ err: error, route: def.path }, 'request failed');
      audit(problem.status);
      if (res.headersSent) {
        res.end();
        return;
      }
      sendProblem(res, problem);
      return;
    }
    const status = reply.status ?? def.successStatus ?? 200;
    audit(status, reply.count, reply.audit);
    if (reply.headers) res.set(reply.headers);
    if (reply.raw) res.status(status).type(reply.raw.type).send(reply.raw.data);
    else if (reply.body === undefined) res.status(status).end();
    else res.status(status).json(reply.body);
  };
}
