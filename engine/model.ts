/**
 * The projection: the trading graph read out of Neo4j into plain, indexed JavaScript objects,
 * the single input of every detector. Detectors are pure functions of it (plus settings), so they
 * run without a database in unit tests and the same code serves full and incremental rescoring.
 * Shared values are the normalised strings the loader stored (see ingest/prepare.ts).
 */

export interface Events {
  approved?: string;
  announced?: string;
  docs_from?: string;
  bid_deadline?: string;
  opened?: string;
  evaluated?: string;
  candidates_published?: string;
  candidates_until?: string;
  awarded?: string;
  contract_signed?: string;
  completed?: string;
}

export interface Organization {
  id: string;
  name: string;
  kind?: string;
  region?: string;
  uscc?: string;
  /** Normalised address (the Address node's value). */
  address?: string;
  phones: string[];
  emails: string[];
  accounts: string[];
  legalRep?: string;
  placeholder: boolean;
}

export interface Person {
  id: string;
  name?: string;
  idHash?: string;
  phones: string[];
  address?: string;
  employer?: string;
}

export interface Expert {
  id: string;
  name?: string;
  person?: string;
  employer?: string;
  formerEmployers: string[];
  phones: string[];
  address?: string;
  region?: string;
}

export interface Project {
  id: string;
  name: string;
  tenderer: string;
  agent?: string;
  supervisor?: string;
  region?: string;
  sector?: string;
  procedure?: string;
  category?: string;
  budget?: number;
  projectCode?: string;
  events: Events;
}

export interface Lot {
  id: string;
  project: string;
  name?: string;
  ceilingPrice?: number;
  estimate?: number;
  events: Events;
  /** Ids of the lot's bids. */
  bids: string[];
}

export interface Bid {
  id: string;
  lot: string;
  bidder: string;
  price: number;
  submittedAt?: string;
  ip?: string;
  mac?: string;
  machineCode?: string;
  caCert?: string;
  docHash?: string;
  docAuthor?: string;
  bondAccount?: string;
  bondPayer?: string;
  contactPhone?: string;
  contactPerson?: string;
  projectManager?: string;
  agentPerson?: string;
  rank?: number;
  score?: number;
  status?: 'valid' | 'rejected' | 'withdrawn';
  won?: boolean;
}

/** A tie of the business registry: `kind` as in the contract (legal_rep, shareholder, …). */
export interface Tie {
  kind: string;
  from: string;
  to: string;
  share?: number;
  since?: string;
  until?: string;
}

export interface Evaluation {
  lot: string;
  expert: string;
  bidder: string;
  score: number;
  criterion: string;
}

export interface Panel {
  lot: string;
  experts: string[];
  chair?: string;
}

export interface Sanction {
  id: string;
  entity: string;
  kind: string;
  date?: string;
  until?: string;
  authority?: string;
  scope?: string;
  reason?: string;
  source?: string;
}

export interface Approval {
  id: string;
  projectCode: string;
  kind: string;
  approvedAt?: string;
  investment?: number;
  tenderingMode?: string;
  tenderingScope: string[];
  region?: string;
  authority?: string;
}

/** Kinds of shared value a bid or party can carry, as named in benign lists and evidence. */
export type ValueKind =
  | 'ip'
  | 'mac'
  | 'machine_code'
  | 'ca_cert'
  | 'doc_hash'
  | 'doc_author'
  | 'bond_account'
  | 'bond_payer'
  | 'phone'
  | 'address'
  | 'contact_person'
  | 'project_manager'
  | 'agent_person';

/** A value an operator has marked benign (the trading centre's terminals, say). */
export interface BenignValue {
  kind: ValueKind;
  value: string;
  note?: string;
}

/** Triage statuses a person can give a flag (`collusion triage`, the API's PATCH /flags/:id). */
export const TRIAGE_STATUSES = ['open', 'confirmed', 'dismissed', 'benign'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/**
 * A person's decision on a flag, read back at rescoring: dismissed or benign flags leave the lot
 * risks, and the shared values they cite ("kind=value") weigh less (dismissed) or nothing (benign).
 */
export interface TriageDecision {
  flag: string;
  status: Exclude<TriageStatus, 'open'>;
  values: string[];
}

export interface Projection {
  organizations: Map<string, Organization>;
  persons: Map<string, Person>;
  experts: Map<string, Expert>;
  projects: Map<string, Project>;
  lots: Map<string, Lot>;
  bids: Map<string, Bid>;
  ties: Tie[];
  evaluations: Evaluation[];
  panels: Map<string, Panel>;
  sanctions: Sanction[];
  approvals: Approval[];
  benign: BenignValue[];
  triage: TriageDecision[];
}

/** An empty projection, to build test fixtures on. */
export function emptyProjection(): Projection {
  return {
    organizations: new Map(),
    persons: new Map(),
    experts: new Map(),
    projects: new Map(),
    lots: new Map(),
    bids: new Map(),
    ties: [],
    evaluations: [],
    panels: new Map(),
    sanctions: [],
    approvals: [],
    benign: [],
    triage: [],
  };
}
