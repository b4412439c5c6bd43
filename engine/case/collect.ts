/**
 * Reads one case (a flag or a community) out of the graph into a CaseModel: the finding, scoped to
 * the caller exactly as GET /flags/:id and GET /communities/:id are (cypher/api/flag.cypher and
 * community.cypher, so an out-of-scope id is as unknown as a missing one), then only its
 * neighbourhood by id — its lots with bids and panels, the entities they name, the sanctions and
 * approvals cited, the LoadBatch records behind every fact. Never a scan of flags or bids.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Graph, int, Row } from '../../cypher/runner';
import { projectRoot } from '../../lib/paths';
import type { Evidence } from '../flag';
import { EngineSettings, settingsHash, settingsJson } from '../settings';
import { CaseNotFoundError } from './errors';
import {
  BID_PERSON_FIELDS,
  BID_VALUE_FIELDS,
  CaseApproval,
  CaseBatch,
  CaseBid,
  CaseCommunity,
  CaseEntity,
  CaseFlag,
  CaseLot,
  CaseModel,
  CaseParty,
  CaseProject,
  CaseSanction,
  EntityKind,
  Provenance,
  RelatedFlag,
  ScoringRunInfo,
  TriageEntry,
} from './model';

/** Lots a case file shows in full (bids, charts, timeline); the rest are counted. */
export const MAX_LOTS = 24;

export interface CaseRequest {
  kind: 'flag' | 'community';
  id: string;
  /** The caller's jurisdiction (null: unrestricted, as on the CLI). */
  scope: { regions: string[] | null; sectors: string[] | null };
  /** Who produces the file: an API key's name, or the OS user / --by on the CLI. */
  by: string;
  settings: EngineSettings;
  now?: string;
}

const str = (v: unknown): string | undefined => (v === null || v === undefined || v === '' ? undefined : String(v));
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => x !== null).map(String) : []);
const provOf = (p: Row | undefined | null): Provenance => ({
  load: str(p?.load_id),
  firstLoad: str(p?.first_load_id),
});
const eventsOf = (p: Row): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(p))
    if (key.startsWith('events_') && str(value)) out[key.slice(7)] = String(value);
  return out;
};

/** The engine's version (package.json), read once. */
let version: string | undefined;
export function engineVersion(): string {
  version ??= String(
    (JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version?: string }).version,
  );
  return version;
}

function flagOf(p: Row): CaseFlag {
  const triage = strs(p.triage_log).flatMap((text): TriageEntry[] => {
    try {
      const e = JSON.parse(text) as Partial<TriageEntry>;
      return [{ status: String(e.status), by: String(e.by), at: String(e.at), note: e.note ?? null }];
    } catch {
      return [];
    }
  });
  let evidence: Evidence[] = [];
  try {
    evidence = JSON.parse(String(p.evidence ?? '[]')) as Evidence[];
  } catch {
    evidence = [{ kind: 'unreadable', text: String(p.evidence) }];
  }
  return {
    id: String(p.id),
    detector: String(p.detector),
    score: Number(p.score ?? 0),
    severity: String(p.severity ?? ''),
    status: String(p.status ?? ''),
    active: p.active === true,
    basis: String(p.basis ?? ''),
    summary: String(p.summary ?? ''),
    evidence,
    lot: str(p.lot),
    project: str(p.project),
    lots: strs(p.lots),
    entities: strs(p.entities),
    bids: strs(p.bids),
    firstSeen: str(p.first_seen),
    lastSeen: str(p.last_seen),
    changedAt: str(p.changed_at),
    retiredAt: str(p.retired_at),
    runId: str(p.run_id),
    triage,
  };
}

function partyOf(p: unknown): CaseParty | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const r = p as Row;
  return { id: String(r.id), name: str(r.name), prov: provOf(r) };
}

function projectOf(row: Row): CaseProject {
  const p = row.project as Row;
  return {
    id: String(p.id),
    name: str(p.name),
    region: str(p.region),
    sector: str(p.sector),
    procedure: str(p.procedure),
    category: str(p.category),
    budget: num(p.budget),
    currency: str(p.currency),
    projectCode: str(p.project_code),
    source: str(p.source),
    events: eventsOf(p),
    tenderer: partyOf(row.tenderer),
    agent: partyOf(row.agent),
    supervisor: partyOf(row.supervisor),
    prov: provOf(p),
  };
}

function lotOf(row: Row, cited: Set<string>): CaseLot {
  const l = row.lot as Row;
  const bids = (row.bids as Row[]).map((entry): CaseBid => {
    const b = entry.bid as Row;
    const bidder = entry.bidder as Row;
    const values: CaseBid['values'] = {};
    for (const field of BID_VALUE_FIELDS) if (str(b[field])) values[field] = String(b[field]);
    const people: CaseBid['people'] = {};
    for (const field of BID_PERSON_FIELDS) if (str(b[field])) people[field] = String(b[field]);
    return {
      id: String(b.id),
      lot: String(l.id),
      bidder: String(bidder.id),
      bidderName: str(bidder.name),
      price: num(b.price),
      submittedAt: str(b.submitted_at),
      status: str(b.status),
      won: b.won === true,
      rank: num(b.rank),
      score: num(b.score),
      values,
      people,
      cited: cited.has(String(b.id)),
      prov: provOf(b),
    };
  });
  return {
    id: String(l.id),
    name: str(l.name),
    ceiling: num(l.ceiling_price),
    estimate: num(l.estimate),
    risk: num(l.risk),
    events: eventsOf(l),
    project: projectOf(row),
    bids,
    panel: (row.panel as Row[]).map((s) => ({
      expert: String(s.expert),
      chair: s.chair === true,
      drawnAt: str(s.drawn_at),
      prov: { load: str(s.load_id) },
    })),
    prov: provOf(l),
  };
}

function entityOf(row: Row): CaseEntity {
  const p = row.props as Row;
  const kind = row.kind as EntityKind;
  return {
    id: String(p.id),
    kind,
    name: str(p.name),
    orgKind: kind === 'organization' ? str(p.kind) : undefined,
    region: str(p.region),
    uscc: str(p.uscc),
    address: str(p.address),
    addresses: strs(row.addresses),
    phones: [...new Set([...strs(row.phones), ...strs(p.phones)])].sort(),
    emails: [...new Set([...strs(row.emails), ...strs(p.emails)])].sort(),
    bankAccounts: strs(p.bank_accounts),
    idHash: str(p.id_hash),
    certificates: strs(p.certificates),
    legalReps: strs(row.legal_reps),
    employers: strs(row.employers),
    person: strs(row.persons)[0],
    risk: num(p.risk),
    sanctions: (row.sanctions as Row[]).map((s) => String(s.id)),
    ties: (row.ties as Row[]).map((t) => ({
      type: String(t.type),
      kind: str(t.kind),
      to: String(t.to),
      share: num(t.share),
      since: str(t.since),
      until: str(t.until),
    })),
    roles: [],
    prov: provOf(p),
  };
}

function sanctionOf(s: Row): CaseSanction {
  return {
    id: String(s.id),
    entity: str(s.entity),
    kind: str(s.kind),
    date: str(s.date),
    until: str(s.until),
    scope: str(s.scope),
    authority: str(s.authority),
    reason: str(s.reason),
    source: str(s.source),
    prov: provOf(s),
  };
}

function approvalOf(a: Row): CaseApproval {
  return {
    id: String(a.id),
    projectCode: str(a.project_code),
    kind: str(a.kind),
    name: str(a.name),
    authority: str(a.authority),
    approvedAt: str(a.approved_at),
    investment: num(a.investment),
    tenderingMode: str(a.tendering_mode),
    tenderingScope: strs(a.tendering_scope),
    region: str(a.region),
    prov: provOf(a),
  };
}

function batchOf(b: Row): CaseBatch {
  return {
    id: String(b.id),
    file: str(b.file),
    checksum: str(b.checksum),
    format: str(b.format),
    source: str(b.source),
    status: str(b.status),
    startedAt: str(b.started_at),
    finishedAt: str(b.finished_at),
    records: num(b.records),
    written: num(b.written),
  };
}

function runOf(r: unknown): ScoringRunInfo | undefined {
  if (!r || typeof r !== 'object') return undefined;
  const x = r as Row;
  return {
    id: String(x.id),
    mode: str(x.mode),
    startedAt: str(x.started_at),
    finishedAt: str(x.finished_at),
    settingsHash: str(x.settings_hash),
  };
}

/** Ids an evidence item's data cites under `name` (a string or a list), at any depth. */
function cited(evidence: Evidence[], name: string): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    for (const [key, v] of Object.entries(value as Row)) {
      if (key === name && typeof v === 'string') out.add(v);
      else visit(v, depth + 1);
    }
  };
  evidence.forEach((e) => visit(e.data, 0));
  return [...out];
}

/**
 * Every id-like string the evidence data holds (values and keys, at any depth, at most 500): the
 * persons, experts and organisations it names beyond the flag's entities (a tie path's middle, a
 * common owner), so that the file shows them — and a redacted copy knows to mask them.
 */
function citedIds(evidence: Evidence[]): string[] {
  const out = new Set<string>();
  const idLike = /^[A-Za-z][\w.-]{1,63}$/;
  const visit = (value: unknown, depth: number): void => {
    if (out.size >= 500 || depth > 6) return;
    if (typeof value === 'string') {
      if (idLike.test(value)) out.add(value);
    } else if (Array.isArray(value)) {
      value.forEach((v) => visit(v, depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value as Row)) {
        if (idLike.test(key) && /\d/.test(key)) out.add(key);
        visit(v, depth + 1);
      }
    }
  };
  evidence.forEach((e) => visit(e.data, 0));
  return [...out];
}

/** The lots to show in full: the flag's own lot first, then by id. */
function lotsToShow(flag: CaseFlag | undefined, lots: string[]): string[] {
  const ordered = [...new Set([...(flag?.lot ? [flag.lot] : []), ...[...lots].sort()])];
  return ordered.slice(0, MAX_LOTS);
}

/**
 * Everything one case file shows, read by id from the graph.
 * @example const model = await collectCase(graph, { kind: 'flag', id: 'F-…', scope: { regions: null, sectors: null }, by: 'alice', settings });
 */
export async function collectCase(graph: Graph, request: CaseRequest): Promise<CaseModel> {
  const { kind, id, scope } = request;
  let flag: CaseFlag | undefined;
  let community: CaseCommunity | undefined;
  let lotIds: string[];
  let allLots: number;
  if (kind === 'flag') {
    const [row] = await graph.read('api/flag', { id, ...scope });
    if (!row) throw new CaseNotFoundError('flag', id);
    flag = flagOf(row.flag as Row);
    lotIds = lotsToShow(flag, flag.lots);
    allLots = new Set(flag.lots).size;
  } else {
    const [row] = await graph.read('api/community', { id, lots: int(MAX_LOTS), ...scope });
    if (!row) throw new CaseNotFoundError('community', id);
    const k = row.community as Row;
    let features: Record<string, number> = {};
    try {
      features = JSON.parse(String(k.features ?? '{}')) as Record<string, number>;
    } catch {
      features = {};
    }
    const met = (row.lots as Row[]).map((l) => ({
      lot: String(l.id),
      members: strs(l.members).sort(),
      winner: str(l.winner),
    }));
    community = {
      id: String(k.id),
      score: Number(k.score ?? 0),
      size: Number(k.size ?? strs(k.members).length),
      members: strs(k.members).sort(),
      meetings: Number(k.meetings ?? 0),
      features,
      firstSeen: str(k.first_seen),
      lastSeen: str(k.last_seen),
      runId: str(k.run_id),
      met,
    };
    flag = row.flag ? flagOf(row.flag as Row) : undefined;
    lotIds = met.map((m) => m.lot);
    allLots = Number(row.lot_count ?? lotIds.length);
  }

  const citedBids = new Set(
    flag?.bids ?? [], // a community without a flag: its members' bids are what it rests on (below)
  );
  const lotRows = await graph.read('case/lots', { lots: lotIds, ...scope });
  const members = new Set(community?.members ?? []);
  const lots = lotRows.map((row) => lotOf(row, citedBids)).sort((a, b) => lotIds.indexOf(a.id) - lotIds.indexOf(b.id));
  if (!flag) for (const lot of lots) for (const bid of lot.bids) bid.cited = members.has(bid.bidder);

  const roles = new Map<string, Set<string>>();
  const role = (who: string | undefined, what: string) => {
    if (who) roles.set(who, (roles.get(who) ?? new Set<string>()).add(what));
  };
  for (const e of flag?.entities ?? []) role(e, 'flagged');
  for (const m of community?.members ?? []) role(m, 'member');
  for (const lot of lots) {
    role(lot.project.tenderer?.id, 'tenderer');
    role(lot.project.agent?.id, 'agent');
    role(lot.project.supervisor?.id, 'supervisor');
    for (const bid of lot.bids) {
      role(bid.bidder, bid.won ? 'winner' : 'bidder');
      for (const [field, who] of Object.entries(bid.people)) role(who, field);
    }
    for (const seat of lot.panel) role(seat.expert, seat.chair ? 'panel chair' : 'panel');
  }
  const evidence = flag?.evidence ?? [];
  const named = citedIds(evidence).filter((x) => !roles.has(x));
  const sanctionIds = new Set(cited(evidence, 'sanction'));
  const approvalIds = new Set(cited(evidence, 'approval'));

  const entityRows = await graph.read('case/entities', { ids: [...new Set([...roles.keys(), ...named])].sort() });
  const entities = new Map(entityRows.map((r) => [String((r.props as Row).id), entityOf(r)]));
  for (const x of named) if (entities.has(x)) role(x, 'cited');
  for (const row of entityRows) for (const s of row.sanctions as Row[]) sanctionIds.add(String(s.id));
  // Second ring: legal representatives, the persons behind experts, authorities named by records.
  const records = await graph.read('case/records', {
    sanctions: [...sanctionIds].sort(),
    approvals: [...approvalIds].sort(),
    projects: [...new Set(lots.map((l) => l.project.id))].sort(),
  });
  const sanctions = ((records[0]?.sanctions as Row[]) ?? []).map(sanctionOf);
  const approvals = ((records[0]?.approvals as Row[]) ?? []).map(approvalOf);
  for (const e of entities.values()) {
    for (const rep of e.legalReps) role(rep, 'legal_rep');
    role(e.person, 'expert person');
  }
  for (const s of sanctions) {
    role(s.entity, 'sanctioned');
    role(s.authority, 'authority');
  }
  for (const a of approvals) role(a.authority, 'authority');
  const missing = [...roles.keys()].filter((x) => !entities.has(x)).sort();
  if (missing.length > 0) {
    for (const r of await graph.read('case/entities', { ids: missing })) {
      entities.set(String((r.props as Row).id), entityOf(r));
    }
  }
  for (const [who, what] of roles) {
    const e = entities.get(who);
    if (e) e.roles = [...what].sort();
  }
  for (const e of entities.values())
    if (e.kind === 'expert' && !e.name && e.person) e.name = entities.get(e.person)?.name;

  const loadIds = new Set<string>();
  const addProv = (p: Provenance | undefined) => {
    if (p?.load) loadIds.add(p.load);
    if (p?.firstLoad) loadIds.add(p.firstLoad);
  };
  for (const lot of lots) {
    addProv(lot.prov);
    addProv(lot.project.prov);
    [lot.project.tenderer, lot.project.agent, lot.project.supervisor].forEach((p) => addProv(p?.prov));
    lot.bids.forEach((b) => addProv(b.prov));
    lot.panel.forEach((s) => addProv(s.prov));
  }
  entities.forEach((e) => addProv(e.prov));
  sanctions.forEach((s) => addProv(s.prov));
  approvals.forEach((a) => addProv(a.prov));

  const runId = flag?.runId ?? community?.runId ?? null;
  const [[batchRow], [runRow], [relatedRow]] = await Promise.all([
    graph.read('case/load-batches', { ids: [...loadIds].sort() }),
    graph.read('case/scoring-run', { id: runId }),
    graph.read('case/lot-flags', { lots: lotIds, except: flag?.id ?? null, ...scope }),
  ]);
  const related: RelatedFlag[] = ((relatedRow?.flags as Row[]) ?? []).map((f) => ({
    id: String(f.id),
    detector: String(f.detector),
    score: Number(f.score ?? 0),
    severity: String(f.severity ?? ''),
    status: String(f.status ?? ''),
    summary: String(f.summary ?? ''),
    lots: strs(f.lots),
  }));

  return {
    subject: { kind, id },
    flag,
    community,
    related,
    lots,
    lotsOmitted: Math.max(0, allLots - lots.length),
    entities: [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    sanctions,
    approvals,
    batches: ((batchRow?.batches as Row[]) ?? []).map(batchOf),
    lastLoad: batchRow?.last ? batchOf(batchRow.last as Row) : undefined,
    engine: {
      version: engineVersion(),
      settingsHash: settingsHash(request.settings),
      settings: settingsJson(request.settings),
      run: runOf(runRow?.run),
      latestRun: runOf(runRow?.latest),
    },
    producedAt: request.now ?? new Date().toISOString(),
    producedBy: request.by,
    redacted: false,
  };
}
