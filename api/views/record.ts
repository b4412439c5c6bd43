/**
 * Stored node properties as the API shows them: the loader's bookkeeping (content hashes, load
 * ids, placeholders) and any keyed hash of a personal ID number are left out; JSON text columns
 * (risk components) are parsed.
 */
const HIDDEN = new Set(['rec_hash', 'load_id', 'first_load_id', 'panel_load_id', 'risk_run', 'id_hash', 'hash']);

export function publicProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (HIDDEN.has(key) || key.endsWith('_hash')) continue;
    if (key === 'risk_components' && typeof value === 'string') out[key] = JSON.parse(value) as unknown;
    else out[key] = value;
  }
  return out;
}

/** A lot (with nested bids, panel, evaluations) made public. */
export function lotView(lot: Record<string, unknown>): Record<string, unknown> {
  const bids = (lot.bids as Record<string, unknown>[] | undefined) ?? [];
  return { ...publicProps(lot), bids: bids.map(publicProps) };
}
