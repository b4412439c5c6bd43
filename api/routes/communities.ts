/**
 * GET /communities and GET /communities/:id: the bidder communities the engine found (Louvain on
 * the co-bidding graph), those wholly in the caller's jurisdiction only: every lot where members
 * met lies in it.
 */
import { z } from 'zod';
import { int } from '../../cypher/runner';
import { decodeCursor, pageOf, pageQuery } from '../pagination';
import { notFound } from '../problem';
import { READERS, route } from '../route';
import { CommunitySchema, communityView } from '../views/community';
import { FlagSchema, flagView } from '../views/flag';
import { CASE_CONTENT, caseQuery, caseReply } from './case';

/** Lots shown with a community. */
const LOTS = 100;

const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().optional(),
  kind: z.string().optional(),
  risk: z.number().optional(),
});

const MeetingSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  project: z.string(),
  project_name: z.string().nullable(),
  region: z.string().nullable(),
  sector: z.string().nullable(),
  risk: z.number().nullable(),
  winner: z.string().nullable(),
  members: z.array(z.string()).describe('members who bid on the lot'),
});

const opt = (key: string, v: unknown) => (v === null || v === undefined ? {} : { [key]: v });

export const communityRoutes = [
  route({
    method: 'get',
    path: '/communities',
    tag: 'communities',
    summary: 'Bidder communities in your jurisdiction, highest score first',
    roles: READERS,
    query: {
      min_score: z.coerce.number().min(0).max(1).default(0),
      ...pageQuery,
    },
    response: z.object({ items: z.array(CommunitySchema), next_cursor: z.string().nullable(), total: z.number() }),
    async handle({ query, caller, deps }) {
      const filters = { ...caller.scope, minScore: query.min_score };
      const [rows, [count]] = await Promise.all([
        deps.graph.read('api/communities', {
          ...filters,
          after: decodeCursor(query.cursor, 2),
          limit: int(query.limit + 1),
        }),
        deps.graph.read('api/communities-count', filters),
      ]);
      const page = pageOf(
        rows.map((r): Record<string, unknown> => ({ ...(r.community as Record<string, unknown>), members: r.members })),
        query.limit,
        Number(count?.total ?? 0),
        communityView,
        (k) => [k.score, k.id],
      );
      return { body: page, count: page.items.length };
    },
  }),
  route({
    method: 'get',
    path: '/communities/:id',
    tag: 'communities',
    summary: 'A community: members with risk, features, its cartel-community flag, and the lots where members met',
    roles: READERS,
    params: { id: z.string().min(1) },
    response: z
      .object({
        community: CommunitySchema,
        members: z.array(MemberSchema),
        flag: FlagSchema.nullable(),
        lots: z.array(MeetingSchema).describe(`lots where two or more members bid, by id (at most ${LOTS})`),
        lot_count: z.number(),
      })
      .meta({ id: 'CommunityDetail' }),
    async handle({ params, caller, deps }) {
      const [row] = await deps.graph.read('api/community', { id: params.id, lots: int(LOTS), ...caller.scope });
      if (!row) throw notFound(`community ${params.id}`);
      const members = (row.members as Record<string, unknown>[]).map((m) => ({
        id: String(m.id),
        name: String(m.name ?? m.id),
        ...opt('region', m.region),
        ...opt('kind', m.kind),
        ...opt('risk', m.risk == null ? null : Number(m.risk)),
      }));
      const lots = (row.lots as Record<string, unknown>[]).map((l) => ({
        id: String(l.id),
        name: (l.name as string | null) ?? null,
        project: String(l.project),
        project_name: (l.project_name as string | null) ?? null,
        region: (l.region as string | null) ?? null,
        sector: (l.sector as string | null) ?? null,
        risk: l.risk == null ? null : Number(l.risk),
        winner: (l.winner as string | null) ?? null,
        members: (l.members as string[]).slice().sort(),
      }));
      return {
        body: {
          community: communityView({
            ...(row.community as Record<string, unknown>),
            members: members.map((m) => m.id),
          }),
          members,
          flag: row.flag ? flagView(row.flag as Record<string, unknown>) : null,
          lots,
          lot_count: Number(row.lot_count ?? 0),
        },
        count: 1,
      };
    },
  }),
  route({
    method: 'get',
    path: '/communities/:id/case',
    tag: 'communities',
    summary:
      'The case file (案卷) of a community: members, co-bidding graph, its cartel-community flag, the lots where they met, ' +
      'as one self-contained HTML document (or an A4 PDF); its SHA-256 is written to the audit log',
    roles: READERS,
    params: { id: z.string().min(1) },
    query: caseQuery,
    produces: CASE_CONTENT,
    async handle({ params, query, caller, deps }) {
      return caseReply(deps, caller, 'community', params.id, query);
    },
  }),
];
