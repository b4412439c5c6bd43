/**
 * How things look: a colour and a shape per node type, a colour per edge category, a palette for
 * communities, and risk as size and ring. The legend is drawn from these same tables.
 */

/** Shapes the node program draws (its `shape` attribute). */
export const SHAPES = { circle: 0, square: 1, diamond: 2, triangle: 3 } as const;
export type Shape = keyof typeof SHAPES;

export interface NodeStyle {
  label: string;
  color: string;
  shape: Shape;
  size: number;
}

/** By the node's kind (the API's Neo4j label, lower-cased). */
export const NODE_STYLES: Record<string, NodeStyle> = {
  organization: { label: 'Organisation', color: '#2f6fb3', shape: 'circle', size: 7 },
  person: { label: 'Person', color: '#3f9b5a', shape: 'square', size: 6 },
  expert: { label: 'Expert', color: '#8a56b8', shape: 'diamond', size: 6 },
  project: { label: 'Project', color: '#c77c1e', shape: 'triangle', size: 8 },
  lot: { label: 'Lot', color: '#e0a526', shape: 'triangle', size: 7 },
  community: { label: 'Community', color: '#5d6b7a', shape: 'diamond', size: 9 },
  value: { label: 'Shared value (IP, phone, account…)', color: '#8c8c8c', shape: 'square', size: 4 },
  more: { label: '“N more” (click to expand)', color: '#c4c4c4', shape: 'circle', size: 5 },
};

export function nodeStyle(kind: string): NodeStyle {
  return NODE_STYLES[kind] ?? NODE_STYLES.value;
}

/** Edge categories with their colour; relationship types map onto them. */
export const EDGE_CATEGORIES: Record<string, { label: string; color: string }> = {
  'co-bid': { label: 'Co-bid', color: '#e07b39' },
  'shared-value': { label: 'Shared value', color: '#d1495b' },
  control: { label: 'Ownership / control', color: '#2b59c3' },
  people: { label: 'People ties', color: '#3f9b5a' },
  'expert-bidder': { label: 'Expert – bidder', color: '#8a56b8' },
  'tenderer-winner': { label: 'Tenderer – winner', color: '#b8860b' },
  bid: { label: 'Bid (dated)', color: '#9aa5b1' },
  other: { label: 'Other', color: '#c0c6cc' },
};

const CATEGORY_OF: Record<string, string> = {
  CO_BID: 'co-bid',
  LEGAL_REP_OF: 'control',
  SHAREHOLDER_OF: 'control',
  EXECUTIVE_OF: 'control',
  PARENT_COMPANY_OF: 'control',
  SAME_CONTROLLER_AS: 'control',
  SUPERVISES: 'control',
  EMPLOYED_BY: 'people',
  FORMERLY_EMPLOYED_BY: 'people',
  RELATIVE_OF: 'people',
  TIE: 'people',
  IS_PERSON: 'people',
  CONTACT_PERSON: 'people',
  PROJECT_MANAGER: 'people',
  AGENT_PERSON: 'people',
  SAT_ON: 'expert-bidder',
  SCORED: 'expert-bidder',
  EXPERT_BIDDER: 'expert-bidder',
  TENDERED: 'tenderer-winner',
  WON: 'tenderer-winner',
  HAS_LOT: 'tenderer-winner',
  PLACED: 'bid',
  BID: 'bid',
  MEMBER_OF: 'other',
  MORE: 'other',
};

/** The category of a relationship type: values and fingerprints (FROM_IP, HAS_PHONE…) are shared values. */
export function edgeCategory(type: string): string {
  if (CATEGORY_OF[type]) return CATEGORY_OF[type];
  if (/^(FROM_|HAS_|HOLDS_|SIGNED_|BOND_|LOCATED_|AUTHORED_|CONTACT_PHONE|SHARED)/.test(type)) return 'shared-value';
  return 'other';
}

const COMMUNITY_PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4'];

/** A stable colour per community id. */
export function communityColor(community: string): string {
  let hash = 0;
  for (const char of community) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COMMUNITY_PALETTE[hash % COMMUNITY_PALETTE.length];
}

/** Risk in [0, 1] → extra node size. */
export function riskSize(base: number, risk: number | null | undefined): number {
  return base + 10 * Math.max(0, Math.min(1, risk ?? 0));
}

/** Risk → ring colour and width (a fraction of the radius; 0 = no ring). */
export function riskRing(risk: number | null | undefined): { ringColor: string; ringWidth: number } {
  const r = Math.max(0, Math.min(1, risk ?? 0));
  if (r < 0.2) return { ringColor: '#ffffff', ringWidth: 0.12 };
  return { ringColor: r >= 0.7 ? '#d7191c' : r >= 0.4 ? '#fd8d3c' : '#fecc5c', ringWidth: 0.2 + 0.15 * r };
}
