/**
 * GET /approvals/:code: what the investment-approval platform (投资项目在线审批监管平台) says about
 * one project code — its approval, ratification or filing records — beside the projects that
 * carry the code in the caller's jurisdiction and the approval flags on them (approval-mismatch,
 * split-to-avoid-tendering), so a supervisor sees the approved scope against what was tendered.
 */
import { z } from 'zod';
import { notFound } from '../problem';
import { READERS, route } from '../route';
import { FlagSchema, flagView } from '../views/flag';
import { ApprovalSchema, approvalView } from '../views/sanction';

/** Detectors whose flags compare a project with its approval. */
export const APPROVAL_DETECTORS = new Set(['approval-mismatch', 'split-to-avoid-tendering']);

/** The contract's 投资项目统一代码 pattern, e.g. 2017-410102-48-01-012345. */
export const PROJECT_CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

const ApprovalProjectSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  region: z.string().nullable(),
  sector: z.string().nullable(),
  category: z.string().nullable(),
  procedure: z.string().nullable(),
  budget: z.number().nullable(),
  announced: z.string().nullable(),
  tenderer: z.string().nullable(),
  lots: z.array(z.string()),
});

const nullable = <T>(v: T | undefined) => (v === undefined ? null : v);

export const approvalRoutes = [
  route({
    method: 'get',
    path: '/approvals/:code',
    tag: 'approvals',
    summary: 'The approval records of a project code, the projects that carry it, and their approval flags',
    roles: READERS,
    params: {
      code: z
        .string()
        .regex(PROJECT_CODE, 'must be a project code such as 2017-410102-48-01-012345')
        .describe('投资项目统一代码'),
    },
    response: z.object({
      code: z.string(),
      approvals: z.array(ApprovalSchema),
      projects: z.array(ApprovalProjectSchema).describe('projects carrying the code in your jurisdiction'),
      flags: z.array(FlagSchema).describe('approval-mismatch and split-to-avoid-tendering flags on those projects'),
    }),
    async handle({ params, caller, deps }) {
      const [row] = await deps.graph.read('api/approval', { code: params.code, ...caller.scope });
      if (!row) throw notFound(`approval ${params.code}`);
      const projects = (row.projects as Record<string, unknown>[]).map((p) => ({
        id: String(p.id),
        name: nullable(p.name as string | undefined),
        region: nullable(p.region as string | undefined),
        sector: nullable(p.sector as string | undefined),
        category: nullable(p.category as string | undefined),
        procedure: nullable(p.procedure as string | undefined),
        budget: p.budget == null ? null : Number(p.budget),
        announced: nullable(p.announced as string | undefined),
        tenderer: nullable(p.tenderer as string | undefined),
        lots: p.lots as string[],
      }));
      const lots = projects.flatMap((p) => p.lots);
      const flags = lots.length ? await deps.graph.read('api/lot-flags', { lots, ...caller.scope }) : [];
      const approvals = (row.approvals as Record<string, unknown>[])
        .map(approvalView)
        .sort((a, b) => a.id.localeCompare(b.id));
      return {
        body: {
          code: params.code,
          approvals,
          projects,
          flags: flags
            .map((f) => flagView(f.flag as Record<string, unknown>))
            .filter((f) => APPROVAL_DETECTORS.has(f.detector)),
        },
        count: approvals.length,
      };
    },
  }),
];
