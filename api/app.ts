/**
 * The express 5 application: /api/v1 (keys, roles, jurisdiction, audit, rate limits), the
 * OpenAPI document, /healthz, /metrics, and the investigator viewer (dist/viz) at `/`. Built from injected dependencies so tests run the very
 * app the server runs, over real HTTP.
 */
import path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { authenticate } from './auth';
import type { ApiDeps } from './deps';
import { Metrics } from './metrics';
import { openApiDocument } from './openapi';
import { HttpProblem, problemHandler } from './problem';
import { refuse } from './refuse';
import { Caller, handlerOf } from './route';
import { ROUTES } from './routes';
import { healthHandler } from './health';
import { projectRoot } from '../lib/paths';

export const API_VERSION = '1.0.0';

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // The viewer's ForceAtlas2 layout runs in a worker created from a blob: URL.
  app.use(helmet({ contentSecurityPolicy: { directives: { workerSrc: ["'self'", 'blob:'] } } }));
  const metrics = new Metrics(deps.queues);
  app.use(metrics.middleware());

  const document = openApiDocument(ROUTES, API_VERSION);
  app.get('/api/openapi.json', (_req, res) => void res.json(document));
  app.get('/healthz', healthHandler(deps));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const api = express.Router();
  api.use(express.json({ limit: '1mb', type: ['application/json', 'application/merge-patch+json'] }));
  api.use(authenticate(deps));
  api.use(
    rateLimit({
      windowMs: 60_000,
      limit: deps.rateLimit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (_req, res) => (res.locals.caller as Caller).key.id,
      handler: (req: Request, res: Response) =>
        refuse(
          deps,
          req,
          res,
          new HttpProblem(429, `more than ${deps.rateLimit} requests a minute with this key; slow down`),
        ),
    }),
  );
  for (const def of ROUTES) api[def.method](def.path, handlerOf(def, deps));
  api.use((req: Request, res: Response, _next: NextFunction) =>
    refuse(
      deps,
      req,
      res,
      new HttpProblem(404, `no route ${req.method} ${req.baseUrl}${req.path}; see /api/openapi.json`),
    ),
  );
  app.use('/api/v1', api);
  app.use(express.static(path.join(projectRoot(), 'dist', 'viz'), { index: 'index.html', fallthrough: true }));
  app.use(problemHandler);
  return app;
}
