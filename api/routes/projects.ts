/**
 * GET /projects (a filtered list, what a dashboard bar opens), GET /projects/:id and GET /lots/:id:
 * the full process of a project or lot in the caller's jurisdiction.
 */
import { z } from 'zod';
import { int } from '../../cypher/runner';
import { decodeCursor, pageOf, pageQuery } from '../pagination';
import { filterQuery, filtersOf } from './stats';
import { notFound } from '../problem';
import { READERS, route } from '../route';
import { flagView } from '../views/flag';
import { lotView, publicProps } from '../views/record';
import { APPROVAL_DETECTORS } from './approvals';

export const projectRoutes = [
  route({
    method: 'get',
    path: '/projects',
    tag: 'projects',
    summary: 'Projects in your jurisdiction by id, with the statistics filters (region, sector, announcement dates)',
    roles: READERS,
    query: { ...filterQuery, ...pageQuery },
    async handle({ query, caller, deps }) {
      const filters = filtersOf(query, caller);
      const [after] = decodeCursor(query.cursor, 1) ?? [null];
      const [rows, [count]] = await Promise.all([
        deps.graph.read('api/projects', { ...filters, after, limit: int(query.limit + 1) }),
        deps.graph.read('api/projects-count', filters),
      ]);
      const page = pageOf(
        rows,
        query.limit,
        Number(count?.total ?? 0),
        (r) => ({ ...r }),
        (r) => [r.id],
      );
      return { body: page, count: page.items.length };
    },
  }),
  route({
    method: 'get',
    path: '/projects/:id',
    tag: 'projects',
    summary: 'A project’s full process: events, parties, lots with bids, panel and scores, risks and flags',
    roles: READERS,
    params: { id: z.string().min(1) },
    async handle({ params, caller, deps }) {
      const [row] = await deps.graph.read('api/project', { id: params.id, ...caller.scope });
      if (!row) throw notFound(`project ${params.id}`);
      const lots = (row.lots as Record<string, unknown>[]).map(lotView);
      const flags = (await deps.graph.read('api/lot-flags', { lots: lots.map((l) => l.id), ...caller.scope })).map(
        (f) => flagView(f.flag as Record<string, unknown>),
      );
      return {
        body: {
          project: publicProps(row.project as Record<string, unknown>),
          tenderer: row.tenderer,
          agent: row.agent,
          supervisor: row.supervisor,
          approvals: (row.approvals as Record<string, unknown>[]).map(publicProps),
          // What the approval flags found wrong with this project against its approval (or its absence).
          approval_mismatches: flags.filter((f) => APPROVAL_DETECTORS.has(f.detector)),
          lots,
          flags,
        },
        count: 1,
      };
    },
  }),
  route({
    method: 'get',
    path: '/lots/:id',
    tag: 'projects',
    summary: 'A lot: bids, panel, evaluation scores, risk score with its components, flags',
    roles: READERS,
    params: { id: z.string().min(1) },
    async handle({ params, caller, deps }) {
      const [row] = await deps.graph.read('api/lot', { id: params.id, ...caller.scope });
      if (!row) throw notFound(`lot ${params.id}`);
      const flags = await deps.graph.read('api/lot-flags', { lots: [params.id], ...caller.scope });
      return {
        body: {
          lot: lotView(row.lot as Record<string, unknown>),
          project: row.project,
          flags: flags.map((f) => flagView(f.flag as Record<string, unknown>)),
        },
        count: 1,
      };
    },
  }),
];
