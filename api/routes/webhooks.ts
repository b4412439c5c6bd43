/**
 * POST|GET|DELETE /webhooks and GET /webhooks/:id/dead-letters: machine consumers register a URL
 * to which changed flags are POSTed after every rescoring (api/webhooks/: fan-out, signed
 * delivery, retries, dead letters). A webhook belongs to the key that registered it and delivers
 * within that key's jurisdiction as it is at delivery time; a revoked key's webhooks stop. Keys
 * see and delete their own webhooks; admin keys see and delete all.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { int } from '../../cypher/runner';
import { DETECTORS } from '../../engine/detectors';
import type { Role } from '../keys/store';
import { decodeCursor, pageOf, pageQuery } from '../pagination';
import { HttpProblem, notFound } from '../problem';
import { Caller, route } from '../route';
import { newWebhookSecret } from '../webhooks/signature';

const DETECTOR_IDS: [string, ...string[]] = ['cartel-community', ...DETECTORS.map((d) => d.id)];
const WEBHOOK_ROLES: readonly Role[] = ['admin', 'feed', 'supervisor'];

const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    min_score: z.number(),
    detectors: z.array(z.string()).nullable(),
    key: z.string().describe('name of the API key it belongs to'),
    created_at: z.string(),
  })
  .meta({ id: 'Webhook' });

const DeadLetterSchema = z
  .object({
    webhook: z.string(),
    delivery: z.string(),
    url: z.string(),
    flags: z.array(z.string()),
    error: z.string(),
    attempts: z.number(),
    at: z.string(),
  })
  .meta({ id: 'WebhookDeadLetter' });

type WebhookView = z.infer<typeof WebhookSchema>;

function webhookView(w: Record<string, unknown>): WebhookView {
  return {
    id: String(w.id),
    url: String(w.url),
    min_score: Number(w.min_score ?? 0),
    detectors: Array.isArray(w.detectors) && w.detectors.length > 0 ? w.detectors.map(String) : null,
    key: String(w.key_name ?? ''),
    created_at: String(w.created_at),
  };
}

/** The key whose webhooks the caller may touch: its own, or (admin) any (null). */
const ownerOf = (caller: Caller): string | null => (caller.key.role === 'admin' ? null : caller.key.id);

export const webhookRoutes = [
  route({
    method: 'post',
    path: '/webhooks',
    tag: 'webhooks',
    summary:
      'Register a URL to receive changed flags in your jurisdiction after every rescoring (signed POSTs); ' +
      'the signing secret is in this answer only',
    roles: WEBHOOK_ROLES,
    body: z.object({
      url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000),
      min_score: z.number().min(0).max(1).optional(),
      detectors: z.array(z.enum(DETECTOR_IDS)).min(1).optional(),
    }),
    successStatus: 201,
    response: WebhookSchema.extend({
      secret: z.string().describe('HMAC-SHA256 key of X-Collusion-Signature; shown once'),
    }),
    async handle({ body, caller, deps }) {
      const secret = newWebhookSecret();
      const { rows } = await deps.graph.write('api/webhook-create', {
        id: `W-${randomBytes(8).toString('hex')}`,
        key: caller.key.id,
        url: body.url,
        minScore: body.min_score ?? 0,
        detectors: body.detectors ?? null,
        secret,
        now: new Date().toISOString(),
      });
      if (rows.length === 0) throw new HttpProblem(401, 'the API key was revoked meanwhile; ask for a new key');
      const webhook = webhookView(rows[0].webhook as Record<string, unknown>);
      return {
        status: 201,
        body: { ...webhook, secret },
        count: 1,
        headers: { Location: `/api/v1/webhooks/${webhook.id}` },
      };
    },
  }),
  route({
    method: 'get',
    path: '/webhooks',
    tag: 'webhooks',
    summary: 'Your webhooks (admin: everyone’s), oldest first; never their secrets',
    roles: WEBHOOK_ROLES,
    query: { ...pageQuery },
    response: z.object({ items: z.array(WebhookSchema), next_cursor: z.string().nullable(), total: z.number() }),
    async handle({ query, caller, deps }) {
      const key = ownerOf(caller);
      const [rows, [count]] = await Promise.all([
        deps.graph.read('api/webhook-list', { key, after: decodeCursor(query.cursor, 2), limit: int(query.limit + 1) }),
        deps.graph.read('api/webhook-count', { key }),
      ]);
      const hooks = rows.map((r) => r.webhook as Record<string, unknown>);
      const page = pageOf(hooks, query.limit, Number(count?.total ?? 0), webhookView, (w) => [w.created_at, w.id]);
      return { body: page, count: page.items.length };
    },
  }),
  route({
    method: 'delete',
    path: '/webhooks/:id',
    tag: 'webhooks',
    summary: 'Delete one of your webhooks (admin: anyone’s) with its dead letters; queued deliveries are dropped',
    roles: WEBHOOK_ROLES,
    params: { id: z.string().min(1) },
    successStatus: 204,
    async handle({ params, caller, deps }) {
      const { rows } = await deps.graph.write('api/webhook-delete', { id: params.id, key: ownerOf(caller) });
      if (rows.length === 0) throw notFound(`webhook ${params.id}`);
      return { status: 204, count: 1 };
    },
  }),
  route({
    method: 'get',
    path: '/webhooks/:id/dead-letters',
    tag: 'webhooks',
    summary: 'Deliveries of a webhook that failed every attempt: flags they carried, last error, attempts',
    roles: WEBHOOK_ROLES,
    params: { id: z.string().min(1) },
    query: { ...pageQuery },
    response: z.object({ items: z.array(DeadLetterSchema), next_cursor: z.string().nullable(), total: z.number() }),
    async handle({ params, query, caller, deps }) {
      const [hook] = await deps.graph.read('api/webhook-find', { id: params.id, key: ownerOf(caller) });
      if (!hook) throw notFound(`webhook ${params.id}`);
      const [rows, [count]] = await Promise.all([
        deps.graph.read('api/webhook-dead-letters', {
          webhook: params.id,
          after: decodeCursor(query.cursor, 2),
          limit: int(query.limit + 1),
        }),
        deps.graph.read('api/webhook-dead-letters-count', { webhook: params.id }),
      ]);
      const dead = rows.map((r) => r.dead as z.infer<typeof DeadLetterSchema>);
      const page = pageOf(
        dead,
        query.limit,
        Number(count?.total ?? 0),
        (d) => ({ ...d, flags: (d.flags ?? []).map(String), attempts: Number(d.attempts) }),
        (d) => [d.at, d.delivery],
      );
      return { body: page, count: page.items.length };
    },
  }),
];
