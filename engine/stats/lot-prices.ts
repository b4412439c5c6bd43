/**
 * The bids a price detector compares in one lot: withdrawn bids dropped (their price was never
 * in the competition) and prices that are not positive numbers dropped (a data gap, not a price).
 * Rejected bids stay: a disqualified bid's price was still written by its bidder.
 */
import { Context } from '../context';
import { Bid } from '../model';

/** A bidder's price in a lot. */
export interface PricedBid {
  bid: string;
  bidder: string;
  price: number;
}

/** The lot's bids whose prices count: not withdrawn, price a positive finite number. */
export function pricedBids(context: Context, lot: string): Bid[] {
  return context.bidsOfLot(lot).filter((b) => b.status !== 'withdrawn' && Number.isFinite(b.price) && b.price > 0);
}

/**
 * One price per bidder (its lowest priced bid, so a bidder is never compared with itself),
 * ascending by price, then bidder id.
 * @example lotPrices(context, 'L-1') // [{ bid: 'B-2', bidder: 'ORG-2', price: 980000 }, …]
 */
export function lotPrices(context: Context, lot: string): PricedBid[] {
  const best = new Map<string, Bid>();
  for (const bid of pricedBids(context, lot)) {
    const kept = best.get(bid.bidder);
    if (!kept || bid.price < kept.price || (bid.price === kept.price && bid.id < kept.id)) best.set(bid.bidder, bid);
  }
  return [...best.values()]
    .map((b) => ({ bid: b.id, bidder: b.bidder, price: b.price }))
    .sort((a, b) => a.price - b.price || (a.bidder < b.bidder ? -1 : 1));
}
