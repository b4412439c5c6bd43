/**
 * GET /jobs/:id: the state of a load or rescoring job by its namespaced id (`load:12`,
 * `rescore:7`), as POST /loads and a load job's result give them out. bull's delayed, paused and
 * stuck count as waiting; a failed load carries its input errors (file, line, field, reason).
 */
import type Queue from 'bull';
import { z } from 'zod';
import type { LoadJob } from '../../ingest/jobs/load-queue';
import { HttpProblem } from '../problem';
import { route } from '../route';
import type { Queues } from '../queues';

/** The queues whose jobs this route shows (webhook deliveries carry flags: see /webhooks/:id/dead-letters). */
const SHOWN = ['load', 'rescore'] as const;
type ShownQueue = (typeof SHOWN)[number];

export const JobSchema = z
  .object({
    id: z.string(),
    queue: z.enum(SHOWN),
    state: z.enum(['waiting', 'active', 'completed', 'failed']),
    progress: z.unknown(),
    result: z.unknown(),
    error: z
      .object({
        message: z.string(),
        errors: z
          .array(
            z.object({
              file: z.string(),
              line: z.number(),
              type: z.string().optional(),
              id: z.string().optional(),
              field: z.string().optional(),
              reason: z.string(),
            }),
          )
          .optional(),
      })
      .nullable(),
    attempts: z.number(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .meta({ id: 'Job' });

type JobView = z.infer<typeof JobSchema>;

/** Splits `load:12` into a shown queue and bull's id, or undefined. */
export function parseJobId(id: string): { queue: ShownQueue; bullId: string } | undefined {
  const match = /^([a-z]+):(.+)$/.exec(id);
  if (!match || !(SHOWN as readonly string[]).includes(match[1])) return undefined;
  return { queue: match[1] as ShownQueue, bullId: match[2] };
}

export async function jobView(queue: ShownQueue, job: Queue.Job): Promise<JobView> {
  const bullState = await job.getState();
  const state: JobView['state'] =
    bullState === 'completed' || bullState === 'failed' || bullState === 'active' ? bullState : 'waiting';
  const rejected = queue === 'load' ? (job.data as LoadJob).rejected : undefined;
  const error =
    state !== 'completed' && job.failedReason
      ? {
          message: job.failedReason,
          ...(rejected ? { errors: rejected.sources.flatMap((s) => s.errors) } : {}),
        }
      : null;
  return {
    id: `${queue}:${String(job.id)}`,
    queue,
    state,
    progress: job.progress(),
    result: state === 'completed' ? (job.returnvalue ?? null) : null,
    error,
    attempts: job.attemptsMade,
    created_at: new Date(job.timestamp).toISOString(),
    finished_at: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

export async function findJob(queues: Queues, id: string): Promise<JobView | undefined> {
  const parsed = parseJobId(id);
  if (!parsed) return undefined;
  const job = await (queues[parsed.queue] as Queue.Queue).getJob(parsed.bullId);
  return job ? jobView(parsed.queue, job) : undefined;
}

export const jobRoutes = [
  route({
    method: 'get',
    path: '/jobs/:id',
    tag: 'jobs',
    summary: 'A load or rescoring job: state, progress, result (the load report) or error',
    roles: ['admin', 'operator'],
    params: { id: z.string().min(1).describe('namespaced job id, e.g. load:12 or rescore:7') },
    response: JobSchema,
    async handle({ params, deps }) {
      const job = await findJob(deps.queues, params.id);
      if (!job) {
        throw new HttpProblem(
          404,
          `job ${params.id} was not found; job ids look like load:12 or rescore:7, as POST /api/v1/loads answered ` +
            '(finished jobs are removed after a while)',
        );
      }
      return { body: job, count: 1 };
    },
  }),
];
