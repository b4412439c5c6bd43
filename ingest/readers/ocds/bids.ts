/**
 * Bids extension `bids.details[]` onto canonical bids: id = `<ocid>/<bid id>` (see ids.ts),
 * bidder = the first of `tenderers[]`, price = `value.amount`, status (valid → valid,
 * disqualified → rejected, withdrawn → withdrawn; pending → none), `submitted_at` = `date`, lot
 * = the one of `relatedLots` (a bid naming several keeps the first and leaves the list counted
 * as unmapped), else the tender's only lot. Invited suppliers (`status: invited`) made no bid
 * and are left unmapped.
 */
import { dayOrTime } from './dates';
import { globalId } from './ids';
import type { Lots } from './lots';
import type { Mapped } from './mapped';
import { money } from './money';
import type { Parties } from './parties';
import { defined, isObject, JsonObject, listAt, objectAt, take, takeText, takeTexts } from './take';

const STATUS: Record<string, string | undefined> = {
  valid: 'valid',
  disqualified: 'rejected',
  withdrawn: 'withdrawn',
  pending: undefined,
};

export function mapBids(ocid: string, release: JsonObject, lots: Lots, parties: Parties, currency?: string): Mapped[] {
  const out: Mapped[] = [];
  listAt(objectAt(release, 'bids'), 'details').forEach((detail, i) => {
    if (!isObject(detail) || detail.status === 'invited') return;
    const local = takeText(detail, 'id');
    if (local === undefined) return;
    const from = `bids.details[${i}]`;
    const price = money(objectAt(detail, 'value'), currency);
    const related = Array.isArray(detail.relatedLots) ? detail.relatedLots : [];
    const lot = typeof related[0] === 'string' ? lots.idOf(related[0]) : lots.sole?.id;
    if (related.length === 1) take(detail, 'relatedLots');
    const status = typeof detail.status === 'string' && detail.status in STATUS ? take(detail, 'status') : undefined;
    const record = defined({
      type: 'bid',
      id: globalId(ocid, local, 'bid'),
      lot,
      bidder: parties.reference(listAt(detail, 'tenderers')[0], `${from}.tenderers[0]`),
      price: price?.amount,
      currency: price?.currency,
      submitted_at: dayOrTime(take(detail, 'date')),
      status: typeof status === 'string' ? STATUS[status] : undefined,
    });
    out.push({ record, from });
  });
  return out;
}

/** Ids of the bids an award names (`relatedBids`, or the deprecated `relatedBid`). */
export function relatedBids(ocid: string, award: JsonObject): string[] {
  const ids = [...(takeTexts(award, 'relatedBids') ?? [])];
  const one = takeText(award, 'relatedBid');
  if (one !== undefined) ids.push(one);
  return ids.map((id) => globalId(ocid, id, 'bid'));
}
