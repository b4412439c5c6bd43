/**
 * The drawing's graph (graphology): for a flag, its projects and tenderers, lots, bidders with
 * their dated bids, the winner, the shared values and people two or more bidders of a lot have in
 * common, and the flagged persons and experts with their ties; for a community (or a cartel flag),
 * its members and how often each pair bid together. Node and edge attributes carry what the SVG
 * needs (type, label, layer, emphasis), nothing of the layout.
 */
import Graph from 'graphology';
import { BID_PERSON_FIELDS, BID_VALUE_FIELDS, type CaseModel } from './model';

export interface NodeAttrs {
  kind: string;
  label: string;
  /** Column of the layered layout (0 = left). */
  layer: number;
  /** Drawn stronger: named by the flag. */
  emphasis: boolean;
}

export interface EdgeAttrs {
  type: string;
  label?: string;
  emphasis: boolean;
}

export type CaseGraph = Graph<NodeAttrs, EdgeAttrs>;

const VALUE_RELATION: Record<string, string> = {
  ip: 'FROM_IP',
  mac: 'FROM_MAC',
  machine_code: 'FROM_MACHINE',
  ca_cert: 'SIGNED_WITH',
  doc_hash: 'HAS_DOC',
  doc_author: 'AUTHORED_BY',
  bond_account: 'BOND_FROM',
  contact_phone: 'CONTACT_PHONE',
  contact_person: 'CONTACT_PERSON',
  project_manager: 'PROJECT_MANAGER',
  agent_person: 'AGENT_PERSON',
  bond_payer: 'BOND_PAID_BY',
};

const VALUE_LABEL: Record<string, string> = {
  ip: 'IP',
  mac: 'MAC',
  machine_code: '机器码',
  ca_cert: 'CA',
  doc_hash: '文件哈希',
  doc_author: '作者',
  bond_account: '保证金账户',
  contact_phone: '电话',
};

/** A short label: at most `max` characters, with an ellipsis. */
export function short(text: string, max = 16): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Whether the case is drawn as a ring of members (a community, a cartel flag, a flag over many lots). */
export function isRing(model: CaseModel): boolean {
  return model.subject.kind === 'community' || model.flag?.detector === 'cartel-community';
}

function addNode(g: CaseGraph, id: string, attrs: NodeAttrs): void {
  if (!g.hasNode(id)) g.addNode(id, attrs);
  else if (attrs.emphasis) g.setNodeAttribute(id, 'emphasis', true);
}

function addEdge(g: CaseGraph, source: string, target: string, attrs: EdgeAttrs): void {
  const key = `${source}>${attrs.type}>${target}`;
  if (!g.hasEdge(key)) g.addDirectedEdgeWithKey(key, source, target, attrs);
  else if (attrs.emphasis) g.setEdgeAttribute(key, 'emphasis', true);
}

/** Members and co-bidding: one CO_BID edge per pair that met, labelled with the lots they shared. */
function ringGraph(model: CaseModel): CaseGraph {
  const g: CaseGraph = new Graph({ type: 'directed', multi: true });
  const members = model.community?.members ?? model.flag?.entities ?? [];
  const names = new Map(model.entities.map((e) => [e.id, e.name]));
  const hub = model.community?.id ?? model.flag?.id ?? 'case';
  addNode(g, hub, { kind: 'community', label: short(hub, 20), layer: 0, emphasis: true });
  for (const m of [...members].sort()) {
    addNode(g, m, { kind: 'organization', label: short(names.get(m) ?? m), layer: 1, emphasis: true });
    addEdge(g, m, hub, { type: 'MEMBER_OF', emphasis: false });
  }
  const pairs = new Map<string, number>();
  for (const lot of model.lots) {
    const present = [...new Set(lot.bids.map((b) => b.bidder).filter((b) => g.hasNode(b) && b !== hub))].sort();
    for (let i = 0; i < present.length; i += 1) {
      for (let j = i + 1; j < present.length; j += 1) {
        const key = `${present[i]}\u0000${present[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, count] of [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [a, b] = key.split('\u0000');
    addEdge(g, a, b, { type: 'CO_BID', label: `${count}`, emphasis: count > 1 });
  }
  return g;
}

/** Lots with everything around them, in layers: tenderer, project, lot, bidders, values and people. */
function flagGraph(model: CaseModel): CaseGraph {
  const g: CaseGraph = new Graph({ type: 'directed', multi: true });
  const flagged = new Set(model.flag?.entities ?? []);
  const entities = new Map(model.entities.map((e) => [e.id, e]));
  const name = (id: string) => entities.get(id)?.name ?? id;
  const citedValues = new Set(
    (model.flag?.evidence ?? []).flatMap((e) => {
      const kind = e.data?.kind ?? e.data?.link;
      return typeof kind === 'string' && typeof e.data?.value === 'string' ? [`${kind}|${e.data.value}`] : [];
    }),
  );
  for (const lot of model.lots) {
    const p = lot.project;
    addNode(g, p.id, { kind: 'project', label: short(p.name ?? p.id), layer: 1, emphasis: false });
    if (p.tenderer) {
      addNode(g, p.tenderer.id, {
        kind: 'organization',
        label: short(p.tenderer.name ?? p.tenderer.id),
        layer: 0,
        emphasis: flagged.has(p.tenderer.id),
      });
      addEdge(g, p.tenderer.id, p.id, { type: 'TENDERED', emphasis: false });
    }
    addNode(g, lot.id, { kind: 'lot', label: short(`${lot.id} ${lot.name ?? ''}`.trim()), layer: 2, emphasis: true });
    addEdge(g, p.id, lot.id, { type: 'HAS_LOT', emphasis: false });
    const uses = new Map<string, { field: string; value: string; bidders: Set<string>; cited: boolean }>();
    for (const bid of lot.bids) {
      addNode(g, bid.bidder, {
        kind: 'organization',
        label: short(bid.bidderName ?? bid.bidder),
        layer: 3,
        emphasis: flagged.has(bid.bidder),
      });
      // Dates on bid edges only while they stay legible (every date is in the lot tables and the timeline).
      const label = model.lots.length <= 2 ? bid.submittedAt?.slice(0, 10) : undefined;
      addEdge(g, bid.bidder, lot.id, { type: 'BID', label, emphasis: bid.cited });
      if (bid.won) addEdge(g, lot.id, bid.bidder, { type: 'WON', emphasis: false });
      const fields: [string, string | undefined][] = [
        ...BID_VALUE_FIELDS.map((f): [string, string | undefined] => [f, bid.values[f]]),
        ...BID_PERSON_FIELDS.map((f): [string, string | undefined] => [f, bid.people[f]]),
      ];
      for (const [field, value] of fields) {
        if (!value) continue;
        const kind = field === 'contact_phone' ? 'phone' : field;
        const personish = BID_PERSON_FIELDS.includes(field as never);
        const key = personish ? `person|${value}` : `${field}|${value}`;
        const use = uses.get(key) ?? { field, value, bidders: new Set<string>(), cited: false };
        use.bidders.add(bid.bidder);
        use.cited ||= citedValues.has(`${kind}|${value}`) || (personish && flagged.has(value));
        uses.set(key, use);
      }
    }
    for (const use of [...uses.values()].sort((a, b) => (a.field + a.value < b.field + b.value ? -1 : 1))) {
      if (use.bidders.size < 2 && !use.cited) continue;
      const personish = BID_PERSON_FIELDS.includes(use.field as never);
      const entity = entities.get(use.value);
      const id = personish ? use.value : `${use.field}:${use.value}`;
      const kind = personish ? (entity?.kind ?? 'person') : 'value';
      const text = personish ? name(use.value) : `${VALUE_LABEL[use.field] ?? use.field} ${use.value}`;
      addNode(g, id, { kind, label: short(text), layer: 4, emphasis: use.cited });
      for (const bidder of [...use.bidders].sort()) {
        addEdge(g, bidder, id, { type: VALUE_RELATION[use.field] ?? 'SHARED', emphasis: use.cited });
      }
    }
    for (const seat of lot.panel) {
      if (!flagged.has(seat.expert)) continue;
      addNode(g, seat.expert, { kind: 'expert', label: short(name(seat.expert)), layer: 4, emphasis: true });
      addEdge(g, seat.expert, lot.id, { type: 'SAT_ON', emphasis: true });
    }
  }
  // Flagged persons and experts with their ties and employers among the drawn organisations.
  for (const id of [...flagged].sort()) {
    const e = entities.get(id);
    if (!e) continue;
    if (!g.hasNode(id)) {
      addNode(g, id, {
        kind: e.kind,
        label: short(e.name ?? id),
        layer: e.kind === 'organization' ? 3 : 4,
        emphasis: true,
      });
    }
    for (const tie of e.ties) if (g.hasNode(tie.to)) addEdge(g, id, tie.to, { type: tie.type, emphasis: true });
    for (const org of e.employers) if (g.hasNode(org)) addEdge(g, id, org, { type: 'EMPLOYED_BY', emphasis: true });
  }
  for (const e of model.entities) {
    if (!g.hasNode(e.id)) continue;
    for (const tie of e.ties)
      if (g.hasNode(tie.to)) addEdge(g, e.id, tie.to, { type: tie.type, emphasis: flagged.has(e.id) });
  }
  return g;
}

/**
 * The graph of a case: a ring for communities and cartel flags, layers for every other flag.
 * @example const g = caseGraph(model); g.order // nodes to draw
 */
export function caseGraph(model: CaseModel): CaseGraph {
  return isRing(model) ? ringGraph(model) : flagGraph(model);
}
