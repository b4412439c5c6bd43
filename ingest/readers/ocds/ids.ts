/**
 * Canonical ids of lots and bids. OCDS lot and bid ids are local to their contracting process
 * (`1`, `lot-1`), so the importer makes them global by prefixing the ocid: `ocds-abc-1/lot-1`.
 * Ids that are already global are kept: those that begin with the ocid, and the canonical ids
 * this engine's files use (`LOT000123`, `BID0001234`), so that data exported from canonical
 * records loads back under the same ids.
 */

const CANONICAL = { lot: /^LOT\d{6,}$/, bid: /^BID\d{7,}$/ } as const;

/**
 * @example globalId('ocds-213czf-1', '2', 'lot') // 'ocds-213czf-1/2'
 * @example globalId('PRJ000045', 'LOT000123', 'lot') // 'LOT000123'
 */
export function globalId(ocid: string, local: string, kind: keyof typeof CANONICAL): string {
  return local.startsWith(`${ocid}/`) || CANONICAL[kind].test(local) ? local : `${ocid}/${local}`;
}

/** The id of the only lot of a tender that lists none. */
export const soleLotId = (ocid: string) => `${ocid}/1`;
