/**
 * `tender.lots[]` onto canonical lots (id = `<ocid>/<lot id>`, see ids.ts; name = title;
 * `ceiling_price` = value), or, for a tender that lists no lots, one lot `<ocid>/1` whose
 * ceiling is `tender.value`. The lots are indexed for the bids and awards that refer to them.
 */
import { globalId, soleLotId } from './ids';
import type { Mapped } from './mapped';
import { money } from './money';
import { defined, isObject, JsonObject, listAt, objectAt, takeText } from './take';

export interface Lots {
  records: Mapped[];
  /** Lot records by canonical id. */
  byId: Map<string, JsonObject>;
  /** The lot, when the tender has exactly one. */
  sole?: JsonObject;
  /** Canonical id of a lot id local to the release. */
  idOf(local: string): string;
}

export function mapLots(ocid: string, release: JsonObject, currency?: string): Lots {
  const tender = objectAt(release, 'tender');
  const listed = listAt(tender, 'lots');
  const records: Mapped[] = [];
  if (listed.length === 0) {
    const ceiling = money(objectAt(tender, 'value'), currency);
    const record = defined({
      type: 'lot',
      id: soleLotId(ocid),
      project: ocid,
      ceiling_price: ceiling?.amount,
      currency: ceiling?.currency,
    });
    records.push({ record, from: 'tender (its only lot)' });
  }
  listed.forEach((lot, i) => {
    const local = isObject(lot) ? takeText(lot, 'id') : undefined;
    if (!isObject(lot) || local === undefined) return;
    const ceiling = money(objectAt(lot, 'value'), currency);
    const record = defined({
      type: 'lot',
      id: globalId(ocid, local, 'lot'),
      project: ocid,
      name: takeText(lot, 'title'),
      ceiling_price: ceiling?.amount,
      currency: ceiling?.currency,
    });
    records.push({ record, from: `tender.lots[${i}]` });
  });
  const byId = new Map(records.map(({ record }) => [String(record.id), record]));
  return {
    records,
    byId,
    sole: records.length === 1 ? records[0].record : undefined,
    idOf: (local) => globalId(ocid, local, 'lot'),
  };
}

/** Sets one of a lot's `events`. */
export function setLotEvent(lot: JsonObject | undefined, key: string, value: unknown): void {
  if (!lot || value === undefined) return;
  lot.events = { ...(isObject(lot.events) ? lot.events : {}), [key]: value };
}
