/**
 * Prometheus metrics at GET /metrics: request counts and latencies per route and status, the
 * process defaults, and the depth of the job queues. Route labels are the route patterns, never
 * the ids in the URL, so the series stay few.
 */
import type { NextFunction, Request, Response } from 'express';
import client from 'prom-client';
import type { Queues } from './queues';

export class Metrics {
  readonly registry = new client.Registry();
  private readonly duration = new client.Histogram({
    name: 'collusion_http_request_duration_seconds',
    help: 'API request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  constructor(queues: Queues) {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'collusion_' });
    const registry = this.registry;
    new client.Gauge({
      name: 'collusion_queue_jobs',
      help: 'jobs per bull queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        for (const [name, queue] of Object.entries(queues)) {
          const counts = await queue.getJobCounts();
          for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, Number(n));
        }
      },
    });
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.duration.startTimer();
      res.on('finish', () => {
        const pattern = (req.route as { path?: string } | undefined)?.path;
        end({
          method: req.method,
          route: pattern ? req.baseUrl + pattern : 'unmatched',
          status: String(res.statusCode),
        });
      });
      next();
    };
  }
}
