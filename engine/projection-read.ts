/**
 * Reads the trading graph out of Neo4j into a Projection (engine/model.ts): one streamed read per
 * kind of record, using the cypher/engine/read-*.cypher statements.
 */
import { Graph, Row } from '../cypher/runner';
import { Bid, BenignValue, Events, Projection, TriageDecision, ValueKind, emptyProjection } from './model';

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function eventsOf(props: unknown): Events {
  const events: Record<string, string> = {};
  for (const [key, value] of Object.entries((props ?? {}) as Row)) {
    if (key.startsWith('events_') && typeof value === 'string') events[key.slice(7)] = value;
  }
  return events as Events;
}

/** Reads the whole projection; `onPhase` hears the count of each kind as it is read. */
export async function readProjection(
  graph: Graph,
  onPhase?: (kind: string, count: number) => void,
): Promise<Projection> {
  const p = emptyProjection();
  const read = async (kind: string, onRow: (row: Row) => void) => {
    const count = await graph.stream(`engine/read-${kind}`, {}, onRow);
    onPhase?.(kind, count);
  };
  await read('organizations', (r) =>
    p.organizations.set(String(r.id), {
      id: String(r.id),
      name: str(r.name) ?? String(r.id),
      kind: str(r.kind),
      region: str(r.region),
      uscc: str(r.uscc),
      address: str(r.address),
      phones: strs(r.phones),
      emails: strs(r.emails),
      accounts: strs(r.accounts),
      legalRep: str(r.legalRep),
      placeholder: r.placeholder === true,
    }),
  );
  await read('persons', (r) =>
    p.persons.set(String(r.id), {
      id: String(r.id),
      name: str(r.name),
      idHash: str(r.idHash),
      phones: strs(r.phones),
      address: str(r.address),
      employer: str(r.employer),
    }),
  );
  await read('experts', (r) =>
    p.experts.set(String(r.id), {
      id: String(r.id),
      name: str(r.name),
      person: str(r.person),
      employer: str(r.employer),
      formerEmployers: strs(r.formerEmployers),
      phones: strs(r.phones),
      address: str(r.address),
      region: str(r.region),
    }),
  );
  await read('projects', (r) =>
    p.projects.set(String(r.id), {
      id: String(r.id),
      name: str(r.name) ?? '',
      tenderer: String(r.tenderer),
      agent: str(r.agent),
      supervisor: str(r.supervisor),
      region: str(r.region),
      sector: str(r.sector),
      procedure: str(r.procedure),
      category: str(r.category),
      budget: num(r.budget),
      projectCode: str(r.projectCode),
      events: eventsOf(r.props),
    }),
  );
  await read('lots', (r) =>
    p.lots.set(String(r.id), {
      id: String(r.id),
      project: String(r.project),
      name: str(r.name),
      ceilingPrice: num(r.ceilingPrice),
      estimate: num(r.estimate),
      events: eventsOf(r.props),
      bids: [],
    }),
  );
  await read('bids', (r) => {
    const bid: Bid = {
      id: String(r.id),
      lot: String(r.lot),
      bidder: String(r.bidder),
      price: Number(r.price),
      submittedAt: str(r.submittedAt),
      ip: str(r.ip),
      mac: str(r.mac),
      machineCode: str(r.machineCode),
      caCert: str(r.caCert),
      docHash: str(r.docHash),
      docAuthor: str(r.docAuthor),
      bondAccount: str(r.bondAccount),
      bondPayer: str(r.bondPayer),
      contactPhone: str(r.contactPhone),
      contactPerson: str(r.contactPerson),
      projectManager: str(r.projectManager),
      agentPerson: str(r.agentPerson),
      rank: num(r.rank),
      score: num(r.score),
      status: str(r.status) as Bid['status'],
      won: typeof r.won === 'boolean' ? r.won : undefined,
    };
    p.bids.set(bid.id, bid);
    p.lots.get(bid.lot)?.bids.push(bid.id);
  });
  await read('ties', (r) =>
    p.ties.push({
      kind: String(r.kind),
      from: String(r.from),
      to: String(r.to),
      share: num(r.share),
      since: str(r.since),
      until: str(r.until),
    }),
  );
  await read('evaluations', (r) =>
    p.evaluations.push({
      lot: String(r.lot),
      expert: String(r.expert),
      bidder: String(r.bidder),
      score: Number(r.score),
      criterion: String(r.criterion ?? ''),
    }),
  );
  await read('panels', (r) =>
    p.panels.set(String(r.lot), { lot: String(r.lot), experts: strs(r.experts), chair: str(r.chair) }),
  );
  await read('sanctions', (r) =>
    p.sanctions.push({
      id: String(r.id),
      entity: String(r.entity),
      kind: String(r.kind),
      date: str(r.date),
      until: str(r.until),
      authority: str(r.authority),
      scope: str(r.scope),
      reason: str(r.reason),
      source: str(r.source),
    }),
  );
  await read('approvals', (r) =>
    p.approvals.push({
      id: String(r.id),
      projectCode: String(r.projectCode),
      kind: String(r.kind),
      approvedAt: str(r.approvedAt),
      investment: num(r.investment),
      tenderingMode: str(r.tenderingMode),
      tenderingScope: strs(r.tenderingScope),
      region: str(r.region),
      authority: str(r.authority),
    }),
  );
  await read('benign', (r) =>
    p.benign.push({ kind: String(r.kind) as ValueKind, value: String(r.value), note: str(r.note) } as BenignValue),
  );
  await read('triage', (r) =>
    p.triage.push({ flag: String(r.id), status: String(r.status) as TriageDecision['status'], values: strs(r.values) }),
  );
  return p;
}
