/**
 * A lot as a graph, from its full-process record: the project and its tenderer, the lot, each
 * bidder with a dated bid edge, the winner, the panel, and every fingerprint value (IP, MAC,
 * machine code, certificate, document, bond account, phone, people) that two or more bidders
 * share: the values that make a flag.
 */
import type { GraphAnswer, GraphEdge, GraphNode, Lot } from '../types';

const code = (v: string) =>
  v
    .trim()
    .toUpperCase()
    .replace(/[\s:-]/g, '');
const mac = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[:\-.\s]/g, '')
    .replace(/(..)(?!$)/g, '$1:');

/**
 * Bid fields whose shared values connect bidders: the relationship type they stand for, the
 * value's label, and its canonical form (as the loader stores it, so that the ids match the
 * entity graph's `<Label>:<value>`).
 */
const SHARED_FIELDS: Record<string, { type: string; label: string; canonical: (v: string) => string }> = {
  ip: { type: 'FROM_IP', label: 'IP', canonical: (v) => v.trim() },
  mac: { type: 'FROM_MAC', label: 'MAC', canonical: mac },
  machine_code: { type: 'FROM_MACHINE', label: 'MachineCode', canonical: code },
  ca_cert: { type: 'SIGNED_WITH', label: 'Certificate', canonical: code },
  doc_hash: { type: 'HAS_DOC', label: 'DocHash', canonical: (v) => v.trim().toLowerCase() },
  bond_account: { type: 'BOND_FROM', label: 'BankAccount', canonical: (v) => v.replace(/[\s-]/g, '').toUpperCase() },
  contact_phone: { type: 'CONTACT_PHONE', label: 'Phone', canonical: (v) => v.replace(/[\s\-()（）.+]/g, '') },
  contact_person: { type: 'CONTACT_PERSON', label: 'Person', canonical: (v) => v },
  project_manager: { type: 'PROJECT_MANAGER', label: 'Person', canonical: (v) => v },
  agent_person: { type: 'AGENT_PERSON', label: 'Person', canonical: (v) => v },
};

export interface LotContext {
  project: { id: string; name?: string | null };
  tenderer?: { id: string; name?: string | null } | null;
}

export function lotGraph(lot: Lot, context: LotContext): GraphAnswer {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const { project, tenderer } = context;
  nodes.push({ id: project.id, label: 'Project', name: project.name ?? project.id });
  nodes.push({ id: lot.id, label: 'Lot', name: `${lot.id} ${lot.name ?? ''}`.trim(), risk: numberOr(lot.risk) });
  edges.push({ id: `${project.id}>HAS_LOT>${lot.id}`, source: project.id, target: lot.id, type: 'HAS_LOT' });
  if (tenderer) {
    nodes.push({ id: tenderer.id, label: 'Organization', name: tenderer.name ?? tenderer.id });
    edges.push({
      id: `${tenderer.id}>TENDERED>${project.id}`,
      source: tenderer.id,
      target: project.id,
      type: 'TENDERED',
    });
  }
  const users = new Map<string, { field: string; value: string; bidders: Set<string>; date?: string }>();
  for (const bid of lot.bids) {
    nodes.push({ id: bid.bidder, label: 'Organization', name: bid.bidder_name ?? bid.bidder });
    const price = typeof bid.price === 'number' ? ` ${bid.price.toLocaleString('en')}` : '';
    edges.push({
      id: `${bid.id}`,
      source: bid.bidder,
      target: lot.id,
      type: 'BID',
      date: bid.submitted_at,
      label: `bid${price}`,
    });
    if (bid.won) edges.push({ id: `${lot.id}>WON>${bid.bidder}`, source: lot.id, target: bid.bidder, type: 'WON' });
    for (const field of Object.keys(SHARED_FIELDS)) {
      const value = bid[field];
      if (typeof value !== 'string' || value === '') continue;
      const canonical = SHARED_FIELDS[field].canonical(value);
      const key = `${field}|${canonical}`;
      const use = users.get(key) ?? { field, value: canonical, bidders: new Set<string>(), date: bid.submitted_at };
      use.bidders.add(bid.bidder);
      users.set(key, use);
    }
  }
  for (const use of users.values()) {
    if (use.bidders.size < 2) continue;
    const { type, label } = SHARED_FIELDS[use.field];
    const id = label === 'Person' ? use.value : `${label}:${use.value}`;
    nodes.push({ id, label, name: use.value });
    for (const bidder of use.bidders) {
      edges.push({ id: `${bidder}>${type}>${id}`, source: bidder, target: id, type, date: use.date });
    }
  }
  for (const member of lot.panel ?? []) {
    nodes.push({ id: member.expert, label: 'Expert', name: member.name ?? member.expert });
    edges.push({ id: `${member.expert}>SAT_ON>${lot.id}`, source: member.expert, target: lot.id, type: 'SAT_ON' });
  }
  return { nodes, edges };
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
