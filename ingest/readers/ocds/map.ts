/**
 * One compiled OCDS release onto canonical records: its parties' organisations, the project, its
 * lots and its bids with their winners (parties.ts, project.ts, lots.ts, bids.ts, awards.ts say
 * what each takes). The release is consumed as it is read: what is left afterwards is what no
 * record took. The release's own bookkeeping (`ocid`, `id`, `date`, `tag`, `initiationType`)
 * is used up by merging and naming, not counted.
 */
import { mapAwards } from './awards';
import { mapBids } from './bids';
import { mapLots } from './lots';
import type { Mapped } from './mapped';
import { projectCurrency } from './money';
import { Parties } from './parties';
import { mapProject } from './project';
import { JsonObject, take } from './take';

const BOOKKEEPING = ['id', 'date', 'tag', 'initiationType'];

/**
 * The canonical records of one compiled release, organisations first.
 * @example mapRelease({ ocid: 'ocds-1', tender: { title: 'Road' }, parties: [...] }) // [{ record: { type: 'organization', … }, from: 'parties[0]' }, …]
 */
export function mapRelease(release: JsonObject): Mapped[] {
  const ocid = String(take(release, 'ocid'));
  for (const key of BOOKKEEPING) take(release, key);
  const currency = projectCurrency(release);
  const parties = new Parties(release);
  const project = mapProject(ocid, release, parties, currency);
  const lots = mapLots(ocid, release, currency);
  const bids = mapBids(ocid, release, lots, parties, currency);
  mapAwards(ocid, release, lots, bids, parties);
  return [...parties.records, project, ...lots.records, ...bids];
}
