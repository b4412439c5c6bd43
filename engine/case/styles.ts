/**
 * How the case file's drawing looks, the same as the viewer (viz/src/graph/styles.ts; the viewer
 * imports nothing of the server and the server nothing of the viewer, so the tables are mirrored
 * here and styles.test.ts keeps them equal): a colour and shape per node type, a colour per edge
 * category, and the category of each relationship type.
 */

export type Shape = 'circle' | 'square' | 'diamond' | 'triangle';

export interface NodeStyle {
  label: string;
  color: string;
  shape: Shape;
  size: number;
}

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

/** Chinese names of the node types, for the bilingual legend. */
export const NODE_LABELS_ZH: Record<string, string> = {
  organization: '单位',
  person: '人员',
  expert: '评标专家',
  project: '项目',
  lot: '标段',
  community: '社群',
  value: '共用值',
  more: '更多',
};

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

export const EDGE_LABELS_ZH: Record<string, string> = {
  'co-bid': '共同投标',
  'shared-value': '共用值',
  control: '控股/控制',
  people: '人员关系',
  'expert-bidder': '专家–投标人',
  'tenderer-winner': '招标人–中标人',
  bid: '投标（带日期）',
  other: '其他',
};

export const CATEGORY_OF: Record<string, string> = {
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

export function nodeStyle(kind: string): NodeStyle {
  return NODE_STYLES[kind] ?? NODE_STYLES.value;
}

/** The category of a relationship type: values and fingerprints (FROM_IP, HAS_PHONE…) are shared values. */
export function edgeCategory(type: string): string {
  if (CATEGORY_OF[type]) return CATEGORY_OF[type];
  if (/^(FROM_|HAS_|HOLDS_|SIGNED_|BOND_|LOCATED_|AUTHORED_|CONTACT_PHONE|SHARED)/.test(type)) return 'shared-value';
  return 'other';
}
