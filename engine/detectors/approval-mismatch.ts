/**
 * Approval mismatch: a tender that does not match the investment approval (审批, 核准, 备案) its
 * project code joins. Per project with a code: announced before the approval; run with a lighter
 * procedure than the approved tendering mode (approved `open`, run by another procedure; approved
 * `invited`, run without tendering; `none` and filings never mismatch; the mode binds only the
 * categories of the approved tendering scope); budget or the sum of the winning bids above the
 * approved investment. And a project that must be tendered (budget, else award, at or above the
 * category's threshold) with no approval behind it: a code matching no loaded approval, or no code
 * at all for the `uncodedCategories` (works need an investment project; goods and services are
 * often bought without one). The latter is a weaker lead: the approval may simply not be loaded.
 * Basis: 《招标投标法》 Art. 9; 《招标投标法实施条例》 Art. 7–8; 国家发展改革委令第16号 Art. 5.
 *
 * When several approvals share a code, the latest approved on or before the announcement counts
 * (else the earliest). One flag per project, on its first lot, with one evidence row per mismatch;
 * the mismatches combine as 1 − Π(1 − wᵢ).
 */
import { Detector } from '../context';
import { Approval, Lot, Project } from '../model';
import { combine, Evidence, Flag, makeFlag } from '../flag';
import {
  announcedOf,
  approvalEvidence,
  awardedAmount,
  isoDay,
  lotsByProject,
  thresholdOf,
  THRESHOLDS,
  Thresholds,
  winningBids,
} from './tendering-rules';

const BASIS = '《招标投标法》 Art. 9; 《招标投标法实施条例》 Art. 7–8';
const NO_APPROVAL_BASIS = '《招标投标法》 Art. 9; 国家发展改革委令第16号 Art. 5';

export interface Settings extends Thresholds {
  /** Procedures that break an approved `open` mode [invited, negotiation, inquiry, single_source]. */
  notOpen: string[];
  /** Procedures that break an approved `invited` mode [negotiation, inquiry, single_source]. */
  notInvited: string[];
  /** Categories for which a project with no code at all counts as having no approval [works]. */
  uncodedCategories: string[];
  /** Weight of an announcement before the approval [0.85]. */
  earlyWeight: number;
  /** Weight of a procedure other than the approved mode [0.8]. */
  procedureWeight: number;
  /** Weight of an amount above the investment, reached at `excessFull` above it [0.9]. */
  excessWeight: number;
  /** Share above the investment at which the excess weighs fully; 0.6 of it at the investment [0.2]. */
  excessFull: number;
  /** Score of a project that must be tendered with no approval loaded [0.4]. */
  missingScore: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  ...THRESHOLDS,
  notOpen: ['invited', 'negotiation', 'inquiry', 'single_source'],
  notInvited: ['negotiation', 'inquiry', 'single_source'],
  uncodedCategories: ['works'],
  earlyWeight: 0.85,
  procedureWeight: 0.8,
  excessWeight: 0.9,
  excessFull: 0.2,
  missingScore: 0.4,
};

interface Mismatch {
  rule: 'announced-before-approval' | 'procedure-differs' | 'above-investment' | 'no-approval';
  weight: number;
  text: string;
  data: Record<string, unknown>;
}

/** One flag per project (touching an in-scope lot) whose tender does not match its approval. */
export const detect: Detector<Settings> = (context, settings) => {
  const p = context.projection;
  const approvals = new Map<string, Approval[]>();
  for (const a of p.approvals) approvals.set(a.projectCode, [...(approvals.get(a.projectCode) ?? []), a]);
  const lotsOf = lotsByProject(p);
  const flags: Flag[] = [];
  for (const project of p.projects.values()) {
    const lots = lotsOf.get(project.id) ?? [];
    if (context.scope && !lots.some((l) => context.inScope(l.id))) continue;
    const winners = winningBids(context, lots);
    const award = awardedAmount(winners);
    const announced = announcedOf(project, lots);
    const fields = {
      project: project.id,
      code: project.projectCode ?? null,
      category: project.category ?? null,
      procedure: project.procedure ?? null,
      budget: project.budget ?? null,
      award: award ?? null,
      announced: announced ?? null,
    };
    const approval = project.projectCode ? approvalOf(approvals.get(project.projectCode) ?? [], announced) : undefined;
    const mismatches = approval
      ? mismatchesOf(project, approval, announced, award, settings)
      : missing(project, award, settings);
    if (!mismatches.length) continue;
    flags.push(
      flagOf(
        project,
        lots,
        approval,
        mismatches,
        fields,
        winners.map((b) => b.id),
      ),
    );
  }
  return flags.sort((a, b) => a.id.localeCompare(b.id));
};

/** The approval in force at the announcement: the latest approved by then, else the earliest. */
function approvalOf(candidates: Approval[], announced: string | undefined): Approval | undefined {
  const dated = [...candidates].sort(
    (a, b) => (isoDay(a.approvedAt) ?? '').localeCompare(isoDay(b.approvedAt) ?? '') || a.id.localeCompare(b.id),
  );
  const before = announced ? dated.filter((a) => (isoDay(a.approvedAt) ?? '') <= announced) : [];
  return before.at(-1) ?? dated[0];
}

function mismatchesOf(
  project: Project,
  approval: Approval,
  announced: string | undefined,
  award: number | undefined,
  settings: Settings,
): Mismatch[] {
  const out: Mismatch[] = [];
  const approvedAt = isoDay(approval.approvedAt);
  if (announced && approvedAt && announced < approvedAt) {
    out.push({
      rule: 'announced-before-approval',
      weight: settings.earlyWeight,
      text: `${project.id} was announced on ${announced}, before approval ${approval.id} of ${approvedAt}.`,
      data: { announced, approved_at: approvedAt },
    });
  }
  const mode = approval.tenderingMode;
  const procedure = project.procedure ?? '';
  const bound =
    !approval.tenderingScope.length || !project.category || approval.tenderingScope.includes(project.category);
  const breaks = mode === 'open' ? settings.notOpen : mode === 'invited' ? settings.notInvited : [];
  if (bound && breaks.includes(procedure)) {
    out.push({
      rule: 'procedure-differs',
      weight: settings.procedureWeight,
      text: `${project.id} was run by ${procedure}, while approval ${approval.id} set the tendering mode ${mode}.`,
      data: { procedure, tendering_mode: mode },
    });
  }
  const investment = approval.investment;
  const amounts = [
    ['budget', project.budget],
    ['award', award],
  ] as const;
  const above = amounts.filter(([, v]) => investment !== undefined && v !== undefined && v > investment);
  if (investment !== undefined && above.length) {
    const top = Math.max(...above.map(([, v]) => v as number));
    const excess = (top - investment) / investment;
    out.push({
      rule: 'above-investment',
      weight: settings.excessWeight * (0.6 + 0.4 * Math.min(1, excess / settings.excessFull)),
      text: `${project.id}'s ${above.map(([k, v]) => `${k} ${v}`).join(' and ')} exceed${above.length > 1 ? '' : 's'} the investment ${investment} approved by ${approval.id}.`,
      data: { investment, ...Object.fromEntries(above), excess: Math.round(excess * 1000) / 1000 },
    });
  }
  return out;
}

/** A project that must be tendered with no approval behind it (none, or none loaded for its code). */
function missing(project: Project, award: number | undefined, settings: Settings): Mismatch[] {
  const threshold = thresholdOf(project.category, settings);
  const amount = project.budget ?? award;
  if (threshold === undefined || amount === undefined || amount < threshold) return [];
  if (!project.projectCode && !settings.uncodedCategories.includes(project.category ?? '')) return [];
  const why = project.projectCode
    ? `its code ${project.projectCode} matches no loaded approval`
    : 'it carries no project code';
  return [
    {
      rule: 'no-approval',
      weight: settings.missingScore,
      text: `${project.id} (${project.category}, ${amount} ≥ ${threshold}) must be tendered, but ${why}; the approval may simply not be loaded.`,
      data: { amount, threshold },
    },
  ];
}

function flagOf(
  project: Project,
  lots: Lot[],
  approval: Approval | undefined,
  mismatches: Mismatch[],
  fields: Record<string, unknown>,
  winners: string[],
): Flag {
  const evidence: Evidence[] = mismatches.map((m) => ({
    kind: 'approval-mismatch',
    text: m.text,
    data: { rule: m.rule, weight: m.weight, ...m.data },
  }));
  evidence.push({
    kind: 'project',
    text: `${project.id}: ${project.category ?? '?'} project, ${project.procedure ?? '?'}, budget ${project.budget ?? '?'}, announced ${fields.announced ?? '?'}.`,
    data: fields,
  });
  if (approval) evidence.push(approvalEvidence(approval));
  const rules = mismatches.map((m) => m.rule).join(', ');
  const summary = approval
    ? `Pattern found: ${project.id} does not match approval ${approval.id} (${rules}).`
    : `Pattern found: ${project.id} must be tendered but no approval is loaded for it; the approval may simply not be loaded.`;
  return makeFlag('approval-mismatch', [project.id], {
    score: combine(mismatches.map((m) => m.weight)),
    lot: lots[0]?.id,
    project: project.id,
    entities: [project.tenderer, ...(project.agent ? [project.agent] : [])],
    bids: mismatches.some((m) => m.rule === 'above-investment') ? winners : [],
    basis: approval ? BASIS : NO_APPROVAL_BASIS,
    summary,
    evidence,
  });
}
