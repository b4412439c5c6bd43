/**
 * `awards[]` with `status: active` and their `contracts[]` onto the bids and lots: the bids an
 * active award names (`relatedBids`), or the bids its `suppliers[]` placed in its lots
 * (`relatedLots`, else every lot of the tender), get `won: true`; the other bids of those lots
 * get `won: false`. The award's `date` is the lots' `events.awarded` (else
 * `tender.awardPeriod.endDate`), a contract's `dateSigned` the `events.contract_signed` of the
 * lots of its award. Awards that are not active, suppliers who placed no bid there and contracts
 * of no active award stay unmapped, and are counted.
 */
import { relatedBids } from './bids';
import { dayOrTime } from './dates';
import { Lots, setLotEvent } from './lots';
import type { Mapped } from './mapped';
import type { Parties } from './parties';
import { isObject, JsonObject, listAt, objectAt, take, takeText, takeTexts } from './take';

export function mapAwards(ocid: string, release: JsonObject, lots: Lots, bids: Mapped[], parties: Parties): void {
  const placed = bids.map(({ record }) => record);
  const lotsOfAward = new Map<string, string[]>();
  const decided = new Set<string>();
  const undated = new Set<string>();
  listAt(release, 'awards').forEach((award, i) => {
    if (!isObject(award) || award.status !== 'active') return;
    take(award, 'status');
    const related = takeTexts(award, 'relatedLots');
    const lotIds = related ? related.map(lots.idOf) : [...lots.byId.keys()];
    const winners = new Set(relatedBids(ocid, award));
    listAt(award, 'suppliers').forEach((supplier, k) => {
      const id = isObject(supplier) ? supplier.id : undefined;
      const theirs = placed.filter((bid) => bid.bidder === id && lotIds.includes(String(bid.lot)));
      if (theirs.length === 0) return;
      parties.reference(supplier, `awards[${i}].suppliers[${k}]`);
      for (const bid of theirs) winners.add(String(bid.id));
    });
    for (const bid of placed) if (winners.has(String(bid.id))) bid.won = true;
    const date = dayOrTime(take(award, 'date'));
    for (const lot of lotIds) {
      decided.add(lot);
      if (date === undefined) undated.add(lot);
      setLotEvent(lots.byId.get(lot), 'awarded', date);
    }
    const id = takeText(award, 'id');
    if (id !== undefined) lotsOfAward.set(id, lotIds);
  });
  for (const bid of placed) if (decided.has(String(bid.lot)) && bid.won !== true) bid.won = false;
  if (undated.size > 0) {
    const end = dayOrTime(take(objectAt(objectAt(release, 'tender'), 'awardPeriod'), 'endDate'));
    for (const lot of undated) setLotEvent(lots.byId.get(lot), 'awarded', end);
  }
  for (const contract of listAt(release, 'contracts')) {
    const award = isObject(contract) ? contract.awardID : undefined;
    const lotIds = typeof award === 'string' || typeof award === 'number' ? lotsOfAward.get(String(award)) : undefined;
    if (!isObject(contract) || !lotIds) continue;
    take(contract, 'awardID');
    takeText(contract, 'id');
    const signed = dayOrTime(take(contract, 'dateSigned'));
    for (const lot of lotIds) setLotEvent(lots.byId.get(lot), 'contract_signed', signed);
  }
}
