/**
 * What a detector returns: a flag is a lead for a person, with a score in [0, 1], a severity, the
 * rule or published method it rests on, and the evidence to show. Its id is a hash of the
 * detector and the finding's identity, so the same finding keeps its id across rescoring.
 */
import { createHash } from 'node:crypto';

export type DetectorId =
  | 'shared-fingerprint'
  | 'shared-ip'
  | 'shared-people'
  | 'shared-bond'
  | 'affiliated-bidders'
  | 'identical-prices'
  | 'regular-prices'
  | 'price-screens'
  | 'cover-bidding'
  | 'bid-rotation'
  | 'cartel-community'
  | 'tenderer-favouritism'
  | 'expert-conflict'
  | 'expert-bias'
  | 'process-timing'
  | 'debarred-bidder'
  | 'approval-mismatch'
  | 'split-to-avoid-tendering';

export type Severity = 'low' | 'medium' | 'high';

/** One piece of evidence: what was found, shown as a row in the viewer and the case file. */
export interface Evidence {
  /** What kind of fact: 'shared-value', 'price', 'tie-path', 'screen', 'timing', 'score', 'win-sequence', … */
  kind: string;
  /** One sentence a supervisor can read, e.g. "ORG-1 and ORG-2 uploaded from machine code BFEB…". */
  text: string;
  /** Structured facts (value kinds and values, bid ids, prices, dates, statistics), JSON-serialisable. */
  data?: Record<string, unknown>;
}

export interface Flag {
  id: string;
  detector: DetectorId;
  score: number;
  severity: Severity;
  /** The lot the finding is about, when it is about one lot. */
  lot?: string;
  /** The project of that lot, or the project the finding is about. */
  project?: string;
  /** Input-data ids of the organisations, persons and experts involved. */
  entities: string[];
  /** Bids the finding rests on. */
  bids: string[];
  /** The rule or method cited, e.g. "《招标投标法实施条例》 Art. 40(1)(2)". */
  basis: string;
  /** "Pattern X found …" — never "company Y colluded". */
  summary: string;
  evidence: Evidence[];
}

/** Deterministic flag id from the detector and the parts that identify the finding (order-free). */
export function flagId(detector: DetectorId, parts: string[]): string {
  const key = [...parts].sort().join('|');
  return `F-${createHash('sha256').update(`${detector}|${key}`).digest('hex').slice(0, 20)}`;
}

/** Severity bands of a score. */
export function severityOf(score: number): Severity {
  if (score >= 0.8) return 'high';
  if (score >= 0.5) return 'medium';
  return 'low';
}

/** 1 − Π(1 − pᵢ): independent pieces of evidence combined into one score. */
export function combine(probabilities: number[]): number {
  return 1 - probabilities.reduce((rest, p) => rest * (1 - Math.min(1, Math.max(0, p))), 1);
}

/** Helper to make a flag with id and severity filled in. */
export function makeFlag(
  detector: DetectorId,
  identity: string[],
  fields: Omit<Flag, 'id' | 'detector' | 'severity' | 'score'> & { score: number },
): Flag {
  const score = Math.round(Math.min(1, Math.max(0, fields.score)) * 1000) / 1000;
  return { id: flagId(detector, identity), detector, severity: severityOf(score), ...fields, score };
}
