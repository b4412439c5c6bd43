/**
 * Split to avoid tendering (化整为零规避招标): one tenderer cuts one investment project into
 * pieces, each below the mandatory-tendering threshold of its category and none tendered openly,
 * that together reach it. Pieces are the tenderer's projects of one category under one project
 * code or, without a code, with the same name stem (phase and lot markers such as 一期, （二）,
 * 第3标段, Phase 2 and digits dropped) in the same region, announced within `windowDays` of the
 * group's first, whose names are not all identical (a purchase repeated under one name, such as a
 * yearly catering contract, is a weaker pattern: `sameNameRepeats` counts it too, as
 * 《政府采购法实施条例》 Art. 28 does within a budget year). The group's sum counts each
 * piece's winning bids, else its budget; a piece is
 * below the threshold by its budget, else its award. Basis: 《招标投标法》 Art. 4; 《必须招标的工程
 * 项目规定》 (国家发展改革委令第16号, 2018) Art. 5.
 *
 * A phased project tendered openly never fires (an open piece clears the group). One flag per
 * group, on the first piece's first lot: 0.6 at the threshold, rising to 0.8 (high) at twice it.
 */
import { Context, Detector } from '../context';
import { Approval, Lot, Project } from '../model';
import { Evidence, Flag, makeFlag } from '../flag';
import {
  announcedOf,
  approvalEvidence,
  awardedAmount,
  lotsByProject,
  thresholdOf,
  THRESHOLDS,
  Thresholds,
  winningBids,
} from './tendering-rules';

const BASIS = '《招标投标法》 Art. 4; 必须招标的工程项目规定 (国家发展改革委令第16号, 2018) Art. 5';
const DAY_MS = 86_400_000;

export interface Settings extends Thresholds {
  /** Most days between the first and the last announcement of pieces grouped by name stem [365]. */
  windowDays: number;
  /** Fewest pieces in a group [2]. */
  minPieces: number;
  /** Group pieces without a code that carry one identical name (repeated purchases) [false]. */
  sameNameRepeats: boolean;
}

/** Documented defaults. */
export const DEFAULTS: Settings = { ...THRESHOLDS, windowDays: 365, minPieces: 2, sameNameRepeats: false };

interface Piece {
  project: Project;
  lots: Lot[];
  winners: string[];
  announced?: string;
  budget?: number;
  award?: number;
}

/** One flag per group of pieces (touching an in-scope lot) that together reach the threshold. */
export const detect: Detector<Settings> = (context, settings) => {
  const flags: Flag[] = [];
  for (const [key, pieces] of groups(context, settings)) {
    const category = pieces[0].project.category;
    const threshold = thresholdOf(category, settings) as number;
    if (pieces.length < settings.minPieces) continue;
    if (context.scope && !pieces.some((piece) => piece.lots.some((l) => context.inScope(l.id)))) continue;
    const below = pieces.every((piece) => (piece.budget ?? piece.award ?? threshold) < threshold);
    const closed = pieces.every((piece) => piece.project.procedure && piece.project.procedure !== 'open');
    const sum = pieces.reduce((total, piece) => total + amountOf(piece), 0);
    if (!below || !closed || sum < threshold) continue;
    flags.push(flagOf(context, key, pieces, threshold, sum));
  }
  return flags.sort((a, b) => a.id.localeCompare(b.id));
};

const amountOf = (piece: Piece) => piece.award ?? piece.budget ?? 0;

/** Groups keyed "tenderer|category|code:<code>" or "tenderer|category|stem:<region>|<stem>|<first id>". */
function groups(context: Context, settings: Settings): Map<string, Piece[]> {
  const p = context.projection;
  const lotsOf = lotsByProject(p);
  const byCode = new Map<string, Piece[]>();
  const byStem = new Map<string, Piece[]>();
  const push = (map: Map<string, Piece[]>, key: string, piece: Piece) => map.set(key, [...(map.get(key) ?? []), piece]);
  for (const project of p.projects.values()) {
    if (thresholdOf(project.category, settings) === undefined) continue;
    const lots = lotsOf.get(project.id) ?? [];
    const winners = winningBids(context, lots);
    const piece: Piece = {
      project,
      lots,
      winners: winners.map((b) => b.id),
      announced: announcedOf(project, lots),
      budget: project.budget,
      award: awardedAmount(winners),
    };
    const owner = `${project.tenderer}|${project.category}`;
    if (project.projectCode) push(byCode, `${owner}|code:${project.projectCode}`, piece);
    else {
      const stem = nameStem(project.name);
      if (stem && project.region && piece.announced) push(byStem, `${owner}|stem:${project.region}|${stem}`, piece);
    }
  }
  const out = new Map<string, Piece[]>();
  for (const [key, pieces] of byCode) out.set(key, pieces.sort(byAnnouncement));
  for (const [key, pieces] of byStem) {
    let window: Piece[] = [];
    const close = () => {
      const names = new Set(window.map((piece) => piece.project.name.trim()));
      if (names.size > 1 || (settings.sameNameRepeats && window.length))
        out.set(`${key}|${window[0].project.id}`, window);
    };
    for (const piece of pieces.sort(byAnnouncement)) {
      const first = window[0]?.announced as string;
      if (window.length && (Date.parse(piece.announced as string) - Date.parse(first)) / DAY_MS > settings.windowDays) {
        close();
        window = [];
      }
      window.push(piece);
    }
    close();
  }
  return out;
}

const byAnnouncement = (a: Piece, b: Piece) =>
  (a.announced ?? '').localeCompare(b.announced ?? '') || a.project.id.localeCompare(b.project.id);

const NUMBER = '[一二三四五六七八九十百零〇两\\d]+';
const MARKERS = [
  new RegExp(`[（(]\\s*第?${NUMBER}\\s*(期|标段|标|包|批次|批|阶段)?\\s*[）)]`, 'g'),
  new RegExp(`第?${NUMBER}\\s*(期|标段|包|批次|批|阶段)`, 'g'),
  new RegExp(`(标段|包|批次)\\s*${NUMBER}`, 'g'),
  /\b(phase|lot|part|stage|section|package)\s*([ivx]+|\d+)\b/gi,
];

/**
 * A project name without phase and lot markers, digits, spaces and punctuation, lower-cased.
 * @example nameStem('金水区道路改造工程（二期）第3标段') // '金水区道路改造工程'
 */
export function nameStem(name: string): string {
  let stem = name;
  for (const marker of MARKERS) stem = stem.replace(marker, '');
  return stem
    .replace(/\d+/g, '')
    .replace(/[\s（）()【】[\]·\-—_,，、.。:：]/g, '')
    .toLowerCase();
}

function flagOf(context: Context, key: string, pieces: Piece[], threshold: number, sum: number): Flag {
  const first = pieces[0].project;
  const category = first.category as string;
  const ratio = sum / threshold;
  const evidence: Evidence[] = pieces.map(({ project, announced, budget, award }) => ({
    kind: 'project',
    text: `${project.id} "${project.name}": ${project.procedure}, budget ${budget ?? '?'}, awarded ${award ?? '–'}, announced ${announced ?? '?'}.`,
    data: {
      project: project.id,
      name: project.name,
      code: project.projectCode ?? null,
      procedure: project.procedure,
      budget: budget ?? null,
      award: award ?? null,
      announced: announced ?? null,
    },
  }));
  evidence.push({
    kind: 'threshold',
    text: `${pieces.length} ${category} pieces, each below ${threshold} and none tendered openly, sum to ${sum} (${ratio.toFixed(2)} × the threshold).`,
    data: { category, pieces: pieces.length, sum, threshold, ratio: Math.round(ratio * 1000) / 1000 },
  });
  const approval = first.projectCode ? approvalOf(context, first.projectCode) : undefined;
  if (approval) evidence.push(approvalEvidence(approval));
  const by = first.projectCode ? `project code ${first.projectCode}` : `name stem "${nameStem(first.name)}"`;
  const agents = pieces.map((piece) => piece.project.agent).filter((a): a is string => a !== undefined);
  return makeFlag('split-to-avoid-tendering', [key], {
    score: 0.6 + 0.2 * Math.min(1, ratio - 1),
    lot: pieces[0].lots[0]?.id,
    project: first.id,
    entities: [...new Set([first.tenderer, ...agents])],
    bids: pieces.flatMap((piece) => piece.winners),
    basis: BASIS,
    summary: `Pattern found: ${first.tenderer} ran ${pieces.length} ${category} projects under ${by}, each below the ${threshold} tendering threshold and none openly, together ${sum}.`,
    evidence,
  });
}

function approvalOf(context: Context, code: string): Approval | undefined {
  return context.projection.approvals.filter((a) => a.projectCode === code).sort((a, b) => a.id.localeCompare(b.id))[0];
}
