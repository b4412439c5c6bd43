/**
 * The case file (案卷) as data: everything one flag or one community rests on, read once from the
 * graph (collect.ts), masked when it leaves the supervising body (redact.ts), then drawn as HTML,
 * SVG and PDF (render-*.ts, pdf.ts). Plain JSON-friendly values only, so that redaction can walk it
 * and the renderers stay pure functions of it: the same model always gives the same bytes.
 */
import type { Evidence } from '../flag';

/** Which load wrote a fact: `load_id` (last writer) and `first_load_id` of a LoadBatch. */
export interface Provenance {
  load?: string;
  firstLoad?: string;
}

/** A LoadBatch: the provenance record of one loaded file. */
export interface CaseBatch {
  id: string;
  file?: string;
  checksum?: string;
  format?: string;
  source?: string;
  status?: string;
  startedAt?: string;
  finishedAt?: string;
  records?: number;
  written?: number;
}

export interface CaseParty {
  id: string;
  name?: string;
  prov: Provenance;
}

export interface CaseProject {
  id: string;
  name?: string;
  region?: string;
  sector?: string;
  procedure?: string;
  category?: string;
  budget?: number;
  currency?: string;
  projectCode?: string;
  /** The trading system that sent it. */
  source?: string;
  /** `events_<key>` properties, keyed by event name (announced, bid_deadline, …). */
  events: Record<string, string>;
  tenderer?: CaseParty;
  agent?: CaseParty;
  supervisor?: CaseParty;
  prov: Provenance;
}

/** Fields of a bid that can link two bidders (the normalised values the loader stored). */
export const BID_VALUE_FIELDS = [
  'ip',
  'mac',
  'machine_code',
  'ca_cert',
  'doc_hash',
  'doc_author',
  'bond_account',
  'contact_phone',
] as const;
export type BidValueField = (typeof BID_VALUE_FIELDS)[number];

/** Persons (or the paying organisation) a bid names. */
export const BID_PERSON_FIELDS = ['contact_person', 'project_manager', 'agent_person', 'bond_payer'] as const;
export type BidPersonField = (typeof BID_PERSON_FIELDS)[number];

export interface CaseBid {
  id: string;
  lot: string;
  bidder: string;
  bidderName?: string;
  price?: number;
  submittedAt?: string;
  status?: string;
  won: boolean;
  rank?: number;
  score?: number;
  values: Partial<Record<BidValueField, string>>;
  people: Partial<Record<BidPersonField, string>>;
  /** The flag rests on this bid. */
  cited: boolean;
  prov: Provenance;
}

export interface CaseLot {
  id: string;
  name?: string;
  ceiling?: number;
  estimate?: number;
  risk?: number;
  events: Record<string, string>;
  project: CaseProject;
  bids: CaseBid[];
  panel: { expert: string; chair: boolean; drawnAt?: string; prov: Provenance }[];
  prov: Provenance;
}

export type EntityKind = 'organization' | 'person' | 'expert';

export interface CaseSanction {
  id: string;
  entity?: string;
  kind?: string;
  date?: string;
  until?: string;
  scope?: string;
  authority?: string;
  reason?: string;
  source?: string;
  prov: Provenance;
}

export interface CaseApproval {
  id: string;
  projectCode?: string;
  kind?: string;
  name?: string;
  authority?: string;
  approvedAt?: string;
  investment?: number;
  tenderingMode?: string;
  tenderingScope: string[];
  region?: string;
  prov: Provenance;
}

export interface CaseTie {
  type: string;
  kind?: string;
  to: string;
  share?: number;
  since?: string;
  until?: string;
}

export interface CaseEntity {
  id: string;
  kind: EntityKind;
  name?: string;
  /** Organisations: company, government, agency…; persons and experts: none. */
  orgKind?: string;
  region?: string;
  uscc?: string;
  /** Raw address as delivered, and the normalised Address values linked. */
  address?: string;
  addresses: string[];
  phones: string[];
  emails: string[];
  bankAccounts: string[];
  /** Persons: keyed hash of the resident ID number (never the number). */
  idHash?: string;
  certificates: string[];
  legalReps: string[];
  employers: string[];
  /** Experts: the person behind them. */
  person?: string;
  risk?: number;
  sanctions: string[];
  ties: CaseTie[];
  /** Roles in this case: bidder, tenderer, agent, supervisor, contact_person, flagged… */
  roles: string[];
  prov: Provenance;
}

/** One entry of a flag's triage log (engine/triage.ts). */
export interface TriageEntry {
  status: string;
  by: string;
  at: string;
  note: string | null;
}

export interface CaseFlag {
  id: string;
  detector: string;
  score: number;
  severity: string;
  status: string;
  active: boolean;
  basis: string;
  summary: string;
  evidence: Evidence[];
  lot?: string;
  project?: string;
  lots: string[];
  entities: string[];
  bids: string[];
  firstSeen?: string;
  lastSeen?: string;
  changedAt?: string;
  retiredAt?: string;
  runId?: string;
  triage: TriageEntry[];
}

export interface CaseCommunity {
  id: string;
  score: number;
  size: number;
  members: string[];
  meetings: number;
  features: Record<string, number>;
  firstSeen?: string;
  lastSeen?: string;
  runId?: string;
  /** Lots where two or more members bid, and who of them did (the first ones, by id). */
  met: { lot: string; members: string[]; winner?: string }[];
}

export interface RelatedFlag {
  id: string;
  detector: string;
  score: number;
  severity: string;
  status: string;
  summary: string;
  lots: string[];
}

export interface ScoringRunInfo {
  id: string;
  mode?: string;
  startedAt?: string;
  finishedAt?: string;
  settingsHash?: string;
}

export interface CaseModel {
  subject: { kind: 'flag' | 'community'; id: string };
  /** The flag; for a community, its cartel-community flag when there is one in scope. */
  flag?: CaseFlag;
  community?: CaseCommunity;
  related: RelatedFlag[];
  lots: CaseLot[];
  /** Lots the finding rests on that the file leaves out (beyond its size limit). */
  lotsOmitted: number;
  entities: CaseEntity[];
  sanctions: CaseSanction[];
  approvals: CaseApproval[];
  batches: CaseBatch[];
  /** The newest finished load: the data "as of". */
  lastLoad?: CaseBatch;
  engine: {
    version: string;
    settingsHash: string;
    settings: Record<string, Record<string, unknown>>;
    /** The scoring run that last wrote the flag or community, and the latest run. */
    run?: ScoringRunInfo;
    latestRun?: ScoringRunInfo;
  };
  producedAt: string;
  producedBy: string;
  redacted: boolean;
}
