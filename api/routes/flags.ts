/** GET /flags, GET /flags/:id, PATCH /flags/:id (triage): the findings, in the caller's jurisdiction. */
import { z } from 'zod';
import { int } from '../../cypher/runner';
import { DETECTORS } from '../../engine/detectors';
import { TRIAGE_STATUSES } from '../../engine/model';
import { triageFlag } from '../../engine/triage';
import { decodeCursor, pageOf, pageQuery } from '../pagination';
import { notFound } from '../problem';
import { CASE_CONTENT, caseQuery, caseReply } from './case';
import { Caller, READERS, route, TRIAGERS } from '../route';
import { FlagSchema, flagView } from '../views/flag';
import { scopeFilterQuery } from '../scope';
import type { ApiDeps } from '../deps';

const DETECTOR_IDS: [string, ...string[]] = ['cartel-community', ...DETECTORS.map((d) => d.id)];

export const FLAG_READERS = [...READERS, 'feed'] as const;

const listQuery = {
  detector: z.enum(DETECTOR_IDS).optional(),
  min_score: z.coerce.number().min(0).max(1).default(0),
  severity: z.enum(['low', 'medium', 'high']).optional(),
  status: z.enum(['open', 'confirmed', 'dismissed', 'benign', 'retired']).optional(),
  ...scopeFilterQuery,
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('flags changed at or after this time, oldest change first'),
  ...pageQuery,
};

/** Fetches the flag in the caller's scope, or throws 404. */
export async function scopedFlag(deps: ApiDeps, caller: Caller, id: string): Promise<Record<string, unknown>> {
  const [row] = await deps.graph.read('api/flag', { id, ...caller.scope });
  if (!row) throw notFound(`flag ${id}`);
  return row.flag as Record<string, unknown>;
}

export const flagRoutes = [
  route({
    method: 'get',
    path: '/flags',
    tag: 'flags',
    summary: 'Flags in your jurisdiction: highest score first, or with `since`, in the order they changed',
    roles: FLAG_READERS,
    query: listQuery,
    response: z.object({ items: z.array(FlagSchema), next_cursor: z.string().nullable(), total: z.number() }),
    async handle({ query, caller, deps }) {
      const byChange = query.since !== undefined;
      const filters = {
        ...caller.scope,
        detector: query.detector ?? null,
        minScore: query.min_score,
        severity: query.severity ?? null,
        status: query.status ?? null,
        region: query.region ?? null,
        sector: query.sector ?? null,
        since: query.since ?? null,
      };
      const after = decodeCursor(query.cursor, 2);
      const [rows, [count]] = await Promise.all([
        deps.graph.read(byChange ? 'api/flags-by-change' : 'api/flags-by-score', {
          ...filters,
          after,
          limit: int(query.limit + 1),
        }),
        deps.graph.read('api/flags-count', filters),
      ]);
      const flags = rows.map((r) => r.flag as Record<string, unknown>);
      const page = pageOf(flags, query.limit, Number(count?.total ?? 0), flagView, (f) =>
        byChange ? [f.changed_at, f.id] : [f.score, f.id],
      );
      return { body: page, count: page.items.length };
    },
  }),
  route({
    method: 'get',
    path: '/flags/:id',
    tag: 'flags',
    summary: 'One flag with its evidence and triage',
    roles: FLAG_READERS,
    params: { id: z.string().min(1) },
    response: FlagSchema,
    async handle({ params, caller, deps }) {
      return { body: flagView(await scopedFlag(deps, caller, params.id)), count: 1 };
    },
  }),
  route({
    method: 'get',
    path: '/flags/:id/case',
    tag: 'flags',
    summary:
      'The case file (案卷) of a flag: one self-contained HTML document (or an A4 PDF) with evidence, rule texts, graph, ' +
      'prices, timeline, triage and provenance; its SHA-256 is written to the audit log (header X-Content-SHA256)',
    roles: READERS,
    params: { id: z.string().min(1) },
    query: caseQuery,
    produces: CASE_CONTENT,
    async handle({ params, query, caller, deps }) {
      return caseReply(deps, caller, 'flag', params.id, query);
    },
  }),
  route({
    method: 'patch',
    path: '/flags/:id',
    tag: 'flags',
    summary: 'Triage a flag: confirmed, dismissed or benign (with a note); feeds the next rescoring',
    roles: TRIAGERS,
    params: { id: z.string().min(1) },
    body: z.object({
      status: z.enum(TRIAGE_STATUSES),
      note: z.string().max(2000).optional(),
    }),
    response: FlagSchema,
    async handle({ params, body, caller, deps }) {
      await scopedFlag(deps, caller, params.id);
      const flag = await triageFlag(deps.graph, {
        id: params.id,
        status: body.status,
        note: body.note,
        by: caller.key.name,
      });
      if (!flag) throw notFound(`flag ${params.id}`);
      return { body: flagView(flag), count: 1 };
    },
  }),
];
