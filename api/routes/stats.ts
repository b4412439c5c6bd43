/**
 * GET /stats/overview, /stats/prices and /stats/process: the totals supervisors report every month,
 * the price picture (winning price ÷ ceiling, bidders per lot, similar-lot outliers) and where the
 * procedure gets stuck (stage durations, legal limits broken, slowest stages and agents). All of it
 * is computed inside the caller's jurisdiction by cypher/stats/{overview,prices,process}.cypher.
 */
import { z } from 'zod';
import { scopeFilterQuery } from '../scope';
import { int } from '../../cypher/runner';
import { HttpProblem } from '../problem';
import { Caller, READERS, route } from '../route';
import {
  BANDS,
  OverviewSchema,
  overviewOf,
  PRICES_MIN_GROUP,
  PricesSchema,
  pricesOf,
  PROCESS_PARAMS,
  ProcessSchema,
  processOf,
} from '../views/stats';

export const filterQuery = {
  from: z.iso.date().optional().describe('projects announced on or after this date (events.announced)'),
  to: z.iso.date().optional().describe('projects announced on or before this date (events.announced)'),
  ...scopeFilterQuery,
};

export interface Filters {
  from?: string;
  to?: string;
  region?: string;
  sector?: string;
}

/** The filter parameters every stats statement takes, inside the caller's jurisdiction. */
export function filtersOf(query: Filters, caller: Caller) {
  if (query.from && query.to && query.from > query.to) {
    throw new HttpProblem(400, `query.from: ${query.from} is after query.to ${query.to}; swap them or drop one`);
  }
  return {
    ...caller.scope,
    from: query.from ?? null,
    to: query.to ?? null,
    region: query.region ?? null,
    sector: query.sector ?? null,
  };
}

export const statsRoutes = [
  route({
    method: 'get',
    path: '/stats/overview',
    tag: 'stats',
    summary: 'Totals in your jurisdiction: projects, lots, bids, awarded amount, single-bid lots, re-tendered projects',
    roles: READERS,
    query: filterQuery,
    response: OverviewSchema,
    async handle({ query, caller, deps }) {
      const filters = filtersOf(query, caller);
      const [rows, flags] = await Promise.all([
        deps.graph.read('stats/overview', filters),
        deps.graph.read('stats/flags', filters),
      ]);
      const body = overviewOf(rows, flags);
      return { body, count: Number(body.projects) };
    },
  }),
  route({
    method: 'get',
    path: '/stats/prices',
    tag: 'stats',
    summary: 'Winning price ÷ ceiling price quantiles, bidders per lot, outliers among similar lots',
    roles: READERS,
    query: {
      ...filterQuery,
      limit: z.coerce.number().int().min(1).max(500).default(20).describe('outliers listed, farthest first'),
    },
    response: PricesSchema,
    async handle({ query, caller, deps }) {
      const [row] = await deps.graph.read('stats/prices', {
        ...filtersOf(query, caller),
        bands: BANDS,
        minGroup: int(PRICES_MIN_GROUP),
        limit: int(query.limit),
      });
      const body = pricesOf(row, query.limit);
      return { body, count: Number(body.lots) };
    },
  }),
  route({
    method: 'get',
    path: '/stats/process',
    tag: 'stats',
    summary: 'Stage durations by sector, region and agent; legal time limits broken; slowest stages and agents',
    roles: READERS,
    query: filterQuery,
    response: ProcessSchema,
    async handle({ query, caller, deps }) {
      const rows = await deps.graph.read('stats/process', {
        ...filtersOf(query, caller),
        ...PROCESS_PARAMS,
        minBidWindowDays: int(PROCESS_PARAMS.minBidWindowDays),
        minPublicityDays: int(PROCESS_PARAMS.minPublicityDays),
        maxContractDays: int(PROCESS_PARAMS.maxContractDays),
      });
      const body = processOf(rows);
      return { body, count: rows.length };
    },
  }),
];
