/**
 * Identical prices: different bidders of one lot bidding exactly the same price, to the cent.
 * Basis: OCP / Cardinal red flag R028 (identical bid prices); 《招标投标法实施条例》 Art. 40(4)
 * (投标文件异常一致). Withdrawn bids are left out; so, by default, are bids at the lot's ceiling
 * price, a focal point that bidders reach on their own.
 */
import { Detector } from '../context';
import { combine, Flag, makeFlag } from '../flag';
import { Bid, Lot } from '../model';
import { pricedBids } from '../stats/lot-prices';

const BASIS = 'OCP/Cardinal R028; 《招标投标法实施条例》 Art. 40(4)';

export interface Settings {
  /** Score of two bidders at one price; each further bidder adds as independent evidence: 3 bidders 0.99 [0.9]. */
  pairScore: number;
  /** Leave out prices equal to the lot's ceiling price [true]. */
  skipCeiling: boolean;
}

/** Documented defaults. */
export const DEFAULTS: Settings = { pairScore: 0.9, skipCeiling: true };

const cents = (price: number) => Math.round(price * 100);

/** One flag per price that two or more different bidders of an in-scope lot bid (identity: lot + price). */
export const detect: Detector<Settings> = (context, settings) => {
  const flags: Flag[] = [];
  for (const lot of context.lots()) {
    if (!context.inScope(lot.id)) continue;
    const groups = new Map<number, Bid[]>();
    for (const bid of pricedBids(context, lot.id)) {
      const group = groups.get(cents(bid.price));
      if (group) group.push(bid);
      else groups.set(cents(bid.price), [bid]);
    }
    for (const [price, bids] of groups) {
      const bidders = [...new Set(bids.map((b) => b.bidder))].sort();
      const atCeiling = lot.ceilingPrice !== undefined && cents(lot.ceilingPrice) === price;
      if (bidders.length < 2 || (settings.skipCeiling && atCeiling)) continue;
      flags.push(priceFlag(lot, price, bids, bidders, settings));
    }
  }
  return flags.sort((x, y) => x.id.localeCompare(y.id));
};

function priceFlag(lot: Lot, price: number, bids: Bid[], bidders: string[], settings: Settings): Flag {
  const shown = (price / 100).toFixed(2);
  const sorted = [...bids].sort((x, y) => x.id.localeCompare(y.id));
  return makeFlag('identical-prices', [lot.id, `price:${price}`], {
    score: combine(bidders.slice(1).map(() => settings.pairScore)),
    lot: lot.id,
    project: lot.project,
    entities: bidders,
    bids: sorted.map((b) => b.id),
    basis: BASIS,
    summary: `Identical prices found in lot ${lot.id}: ${bidders.length} bidders bid ${shown}`,
    evidence: sorted.map((b) => ({
      kind: 'price',
      text: `${b.bidder} bid ${shown} (${b.id}${b.status && b.status !== 'valid' ? `, ${b.status}` : ''})`,
      data: { bid: b.id, bidder: b.bidder, price: b.price, ceilingPrice: lot.ceilingPrice },
    })),
  });
}
