/** The API's JSON shapes as the viewer reads them (the viewer imports nothing of the server). */

export type Severity = 'low' | 'medium' | 'high';
export type FlagStatus = 'open' | 'confirmed' | 'dismissed' | 'benign' | 'retired';
export type TriageStatus = 'open' | 'confirmed' | 'dismissed' | 'benign';

export interface Evidence {
  kind: string;
  text: string;
  data?: Record<string, unknown>;
}

export interface Flag {
  id: string;
  detector: string;
  score: number;
  severity: Severity;
  lot?: string;
  project?: string;
  lots: string[];
  entities: string[];
  bids: string[];
  basis: string;
  summary: string;
  evidence: Evidence[];
  status: FlagStatus;
  active: boolean;
  first_seen: string;
  last_seen: string;
  changed_at: string;
  triage?: { by: string; at: string; note: string | null };
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  total: number;
}

export interface FlagFilters {
  detector?: string;
  min_score?: string;
  severity?: string;
  status?: string;
  region?: string;
  sector?: string;
  since?: string;
}

export interface Bid {
  id: string;
  bidder: string;
  bidder_name?: string;
  price?: number;
  submitted_at?: string;
  won?: boolean;
  rank?: number;
  [field: string]: unknown;
}

export interface Lot {
  id: string;
  name?: string;
  risk?: number;
  bids: Bid[];
  panel?: { expert: string; name?: string; chair: boolean }[];
  [field: string]: unknown;
}

export interface LotAnswer {
  lot: Lot;
  project: { id: string; name?: string; region?: string; sector?: string };
  flags: Flag[];
}

export interface ProjectAnswer {
  project: Record<string, unknown> & { id: string; name?: string };
  tenderer: { id: string; name?: string } | null;
  agent: { id: string; name?: string } | null;
  supervisor: { id: string; name?: string } | null;
  approvals: Record<string, unknown>[];
  /** Flags of the approval detectors on this project (approval-mismatch, split-to-avoid-tendering). */
  approval_mismatches: Flag[];
  lots: Lot[];
  flags: Flag[];
}

/** A credit-platform sanction as GET /entities/:id shows it. */
export interface Sanction {
  id: string;
  entity: string;
  kind: string;
  date: string | null;
  until: string | null;
  scope: string | null;
  authority: string | null;
  reason: string | null;
  source: string | null;
  via: 'self' | 'person' | 'legal_rep';
  bars: boolean;
  in_force: boolean;
}

export interface GraphNode {
  id: string;
  label: string;
  name?: string | null;
  kind?: string | null;
  risk?: number | null;
  community?: string | null;
  placeholder?: boolean;
  count?: number;
  [field: string]: unknown;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  [field: string]: unknown;
}

export interface GraphAnswer {
  nodes: GraphNode[];
  edges: GraphEdge[];
  cut?: unknown;
}

export interface PathAnswer extends GraphAnswer {
  length: number;
}

export interface SearchItem {
  id: string;
  label: string;
  name?: string | null;
  region?: string | null;
  risk?: number | null;
}

export interface EntityAnswer {
  id: string;
  kind?: string;
  name?: string;
  risk?: number | null;
  properties?: Record<string, unknown>;
  communities?: { id: string; score: number; size: number }[];
  counts?: Record<string, number>;
  sanctions?: Sanction[];
  flags?: Flag[];
  projects?: { id: string; name: string | null; roles: string[] }[];
}
