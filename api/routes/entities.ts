/**
 * GET /entities/:id, GET /entities/:id/sanctions, GET /entities/:id/graph, GET /paths and GET
 * /search: what an investigator looks up — an organisation, person or expert with its risk,
 * communities, sanctions, flags and projects; its neighbourhood for the viewer; the shortest connection between two entities; the search box.
 * Everything is read in the caller's jurisdiction (see cypher/api/entity.cypher for when an entity
 * is in it); outside it answers exactly as an unknown id.
 */
import { z } from 'zod';
import { int } from '../../cypher/runner';
import { notFound } from '../problem';
import { READERS, route } from '../route';
import { FlagSchema, flagView } from '../views/flag';
import { publicProps } from '../views/record';
import { SanctionSchema, sanctionView } from '../views/sanction';
import type { ApiDeps } from '../deps';
import type { Scope } from '../scope';
import {
  bestPath,
  BULK_USERS,
  entityGraph,
  EntityGraphSchema,
  nodeOf,
  PathSchema,
  RawNode,
  RawPath,
} from './entity-graph';

/** Flags and projects shown with an entity (the highest-scoring flags; projects by id). */
const FIRST = 50;
/** Candidates a search considers per id-prefix label and for names. */
const SEARCH_SCAN = 1000;

const ProjectItemSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  region: z.string().nullable(),
  sector: z.string().nullable(),
  roles: z
    .array(z.string())
    .describe('bidder, tenderer, agent, supervisor, contact_person, project_manager, agent_person, expert'),
  bids: z.number(),
  wins: z.number(),
});

const EntitySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['Organization', 'Person', 'Expert']),
    name: z.string(),
    risk: z.number().nullable(),
    properties: z
      .record(z.string(), z.unknown())
      .describe('stored properties, without bookkeeping or ID-number hashes'),
    communities: z.array(z.object({ id: z.string(), score: z.number(), size: z.number() })),
    counts: z.object({
      bids: z.number(),
      wins: z.number(),
      panels: z.number(),
      projects: z.number(),
      flags: z.number(),
    }),
    sanctions: z.array(SanctionSchema).describe('credit-platform sanctions, newest first'),
    flags: z.array(FlagSchema).describe(`active flags involving the entity, highest score first (at most ${FIRST})`),
    projects: z.array(ProjectItemSchema).describe(`projects it took part in, by id (at most ${FIRST})`),
  })
  .meta({ id: 'Entity' });

const SearchItemSchema = z.object({
  id: z.string(),
  label: z.enum(['Organization', 'Person', 'Expert', 'Project', 'Lot']),
  name: z.string(),
  region: z.string().optional(),
  risk: z.number().optional(),
});

/** Lucene's query syntax characters, escaped so that the search text is matched literally. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/**
 * The full-text query for a search text: the text as a phrase (a substring of a Chinese name, whose
 * characters are single tokens, or consecutive words) or every word as a substring.
 * @example
 * luceneQuery('联业 装饰') // '"联业 装饰" OR (*联业* AND *装饰*)'
 */
export function luceneQuery(text: string): string {
  const phrase = `"${text.replace(/["\\]/g, '\\$&')}"`;
  const words = text.split(/\s+/).filter((w) => w !== '');
  return `${phrase} OR (${words.map((w) => `*${w.replace(LUCENE_SPECIAL, '\\$&')}*`).join(' AND ')})`;
}

/** The sanctions of an entity in the caller's scope, or null when the entity is not in it. */
async function sanctionsOf(deps: ApiDeps, id: string, scope: Scope): Promise<z.infer<typeof SanctionSchema>[] | null> {
  const [row] = await deps.graph.read('api/entity-sanctions', { id, ...scope });
  if (!row) return null;
  const today = new Date().toISOString().slice(0, 10);
  return (row.sanctions as Record<string, unknown>[]).map((s) => sanctionView(s, today));
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** Properties without references to entities the Cypher found outside the jurisdiction (an employer, say). */
function withoutRefs(props: Record<string, unknown>, hidden: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'string' && hidden.has(value)) continue;
    out[key] = Array.isArray(value) ? value.filter((v) => !(typeof v === 'string' && hidden.has(v))) : value;
  }
  return out;
}

export const entityRoutes = [
  route({
    method: 'get',
    path: '/entities/:id',
    tag: 'entities',
    summary: 'An organisation, person or expert: risk, communities, counts, flags and projects in your jurisdiction',
    roles: READERS,
    params: { id: z.string().min(1) },
    response: EntitySchema,
    async handle({ params, caller, deps }) {
      const [[row], flags, sanctions] = await Promise.all([
        deps.graph.read('api/entity', { id: params.id, ...caller.scope }),
        deps.graph.read('api/entity-flags', { id: params.id, limit: int(FIRST), ...caller.scope }),
        sanctionsOf(deps, params.id, caller.scope),
      ]);
      if (!row) throw notFound(`entity ${params.id}`);
      const entity = row.entity as Record<string, unknown>;
      const counts = row.counts as Record<string, unknown>;
      return {
        body: {
          id: String(entity.id),
          kind: row.label,
          name: String(row.name ?? entity.id),
          risk: entity.risk == null ? null : Number(entity.risk),
          properties: withoutRefs(publicProps(entity), new Set(row.hidden_refs as string[])),
          communities: (row.communities as Record<string, unknown>[]).map((k) => ({
            id: String(k.id),
            score: num(k.score),
            size: num(k.size),
          })),
          counts: {
            bids: num(counts.bids),
            wins: num(counts.wins),
            panels: num(counts.panels),
            projects: num(counts.projects),
            flags: num(counts.flags),
          },
          sanctions: sanctions ?? [],
          flags: flags.map((f) => flagView(f.flag as Record<string, unknown>)),
          projects: (row.projects as Record<string, unknown>[]).map((p) => ({
            id: String(p.id),
            name: (p.name as string | null) ?? null,
            region: (p.region as string | null) ?? null,
            sector: (p.sector as string | null) ?? null,
            roles: (p.roles as string[]).slice().sort(),
            bids: num(p.bids),
            wins: num(p.wins),
          })),
        },
        count: 1,
      };
    },
  }),
  route({
    method: 'get',
    path: '/entities/:id/sanctions',
    tag: 'entities',
    summary:
      'Credit-platform sanctions of an organisation, person or expert (and of its legal representative or person), ' +
      'whether each bars bidding and is in force today',
    roles: READERS,
    params: { id: z.string().min(1) },
    response: z.object({ id: z.string(), items: z.array(SanctionSchema) }),
    async handle({ params, caller, deps }) {
      const items = await sanctionsOf(deps, params.id, caller.scope);
      if (!items) throw notFound(`entity ${params.id}`);
      return { body: { id: params.id, items }, count: items.length };
    },
  }),
  route({
    method: 'get',
    path: '/entities/:id/graph',
    tag: 'entities',
    summary:
      'The neighbourhood of an entity for the viewer: ties, shared values of its bids, co-bidders, communities; ' +
      'out-of-scope neighbours as counted placeholders',
    roles: READERS,
    params: { id: z.string().min(1) },
    query: {
      depth: z.coerce.number().int().min(1).max(3).default(1).describe('steps from the entity (1-3)'),
      limit: z.coerce.number().int().min(1).max(2000).default(300).describe('at most this many nodes (1-2000)'),
      count_beyond: z
        .enum(['true', 'false'])
        .default('false')
        .describe('also count what lies past depth (cut.depth) and link the last level; much slower'),
    },
    response: EntityGraphSchema,
    async handle({ params, query, caller, deps }) {
      const graph = await entityGraph(deps.graph, caller.scope, params.id, {
        depth: query.depth,
        limit: query.limit,
        countBeyond: query.count_beyond === 'true',
      });
      if (!graph) throw notFound(`entity ${params.id}`);
      return { body: graph, count: graph.nodes.length };
    },
  }),
  route({
    method: 'get',
    path: '/paths',
    tag: 'entities',
    summary: 'The shortest connection between two entities through ties and shared values in your jurisdiction',
    roles: READERS,
    query: {
      from: z.string().min(1).describe('id of an organisation, person or expert'),
      to: z.string().min(1).describe('id of an organisation, person or expert'),
      max: z.coerce.number().int().min(1).max(6).default(4).describe('at most this many edges (1-6)'),
    },
    response: PathSchema,
    async handle({ query, caller, deps }) {
      if (query.from === query.to) {
        const [root] = await deps.graph.read('api/entity-graph-root', { id: query.from, ...caller.scope });
        if (!root) throw notFound(`entity ${query.from} or ${query.to}`);
        return { body: { nodes: [nodeOf(root.node as RawNode)], edges: [], length: 0 }, count: 1 };
      }
      const [row] = await deps.graph.read('api/paths', {
        from: query.from,
        to: query.to,
        max: int(query.max),
        bulk: int(BULK_USERS),
        ...caller.scope,
      });
      if (!row) throw notFound(`entity ${query.from} or ${query.to}`);
      const body = bestPath(row.paths as RawPath[], query.max);
      return { body, count: body.nodes.length };
    },
  }),
  route({
    method: 'get',
    path: '/search',
    tag: 'entities',
    summary: 'Find organisations, persons, experts, projects and lots in your jurisdiction by id prefix, name or USCC',
    roles: READERS,
    query: {
      q: z
        .string()
        .trim()
        .min(2, 'type at least 2 characters')
        .max(200)
        .describe('id prefix, part of a name, or a USCC'),
      limit: z.coerce.number().int().min(1).max(100).default(20).describe('results (1-100)'),
    },
    response: z.object({ items: z.array(SearchItemSchema), next_cursor: z.null(), total: z.number() }),
    async handle({ query, caller, deps }) {
      const [row] = await deps.graph.read('api/search', {
        q: query.q,
        uscc: query.q.toUpperCase().replace(/[\s-]/g, ''),
        lucene: luceneQuery(query.q),
        scan: int(SEARCH_SCAN),
        limit: int(query.limit),
        ...caller.scope,
      });
      const items = ((row?.items ?? []) as Record<string, unknown>[]).map((i) => ({
        id: String(i.id),
        label: i.label,
        name: String(i.name ?? i.id),
        ...(i.region != null ? { region: String(i.region) } : {}),
        ...(i.risk != null ? { risk: Number(i.risk) } : {}),
      }));
      return { body: { items, next_cursor: null, total: num(row?.total) }, count: items.length };
    },
  }),
];
