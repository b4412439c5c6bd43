/**
 * Cover bidding (陪标): a firm that bids again and again and (almost) never wins, mostly beside the
 * same winner, or that loses by being disqualified; and lots where every bid but the winner's was
 * disqualified. Basis: OCP red flags R025, R035 (all except the winning bid disqualified), R038
 * (excessive disqualified bids); 《招标投标法实施条例》 Art. 39(1)(3). Cardinal flags R035 from one
 * disqualified rival; `minRejectedInLot` defaults to two, as one rejected rival of two is common.
 *
 * A bidder's record is read over every decided lot (a lot with a winner) and reported when one of
 * its lots is in scope. An honest unlucky firm loses to many different winners, and a firm that
 * loses to a winner who wins just as often without it shows no sponsor: both score low.
 * Disqualifications count by their binomial tail against the share of losing bids disqualified
 * over all decided lots, so a firm disqualified as often as anyone is not a cover bidder.
 *
 * Score of a bidder: (1 − 0.5 × win rate / maxWinRate) × combine(concentration, disqualification),
 * where concentration = clamp((sponsor share − 0.25) / 0.5) × sponsor lift (see `sponsorLift`) and
 * disqualification = 0.8 × clamp(−log10(tail) / 5). Score of a lot: 0.4 + 0.1 per disqualified
 * rival (at most 0.9), + 0.1 when a disqualified rival was cheaper than the winner.
 */
import { Context, Detector } from '../context';
import { Evidence, Flag, makeFlag } from '../flag';
import { Bid } from '../model';
import { binomialUpperTail } from '../stats/binomial';

const BASIS = 'OCP R025, R035, R038; 《招标投标法实施条例》 Art. 39(1)(3)';

export interface Settings {
  /** Fewest decided lots a bidder must have bid in before its record is read [6]. */
  minBids: number;
  /** Highest win rate of a persistent loser [0.05]. */
  maxWinRate: number;
  /** Share of the bidder's losing lots won by one company that makes that company its sponsor [0.5]. */
  minSponsorShare: number;
  /** Disqualifications of one bidder that count as losing by disqualification [2]. */
  minRejections: number;
  /** Fewest disqualified bids beside the winner's for the all-but-the-winner-disqualified pattern [2]. */
  minRejectedInLot: number;
  /** Bidder-record flags scoring below this are dropped [0.4]. */
  minScore: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  minBids: 6,
  maxWinRate: 0.05,
  minSponsorShare: 0.5,
  minRejections: 2,
  minRejectedInLot: 2,
  minScore: 0.4,
};

/**
 * The winning bid of every decided lot, each organisation's non-withdrawn bids in decided lots, and
 * the share of losing bids disqualified (Laplace-smoothed).
 */
interface Market {
  winners: Map<string, Bid>;
  decided(organization: string): Bid[];
  rejectionRate: number;
}

/**
 * Persistent losers (one flag per bidder, identity bidder + sponsor) and lots where all bids but
 * the winner's were disqualified (one flag per lot).
 */
export const detect: Detector<Settings> = (context, settings) => {
  const market = marketOf(context);
  const flags: Flag[] = [];
  const bidders = new Set([...context.projection.bids.values()].map((b) => b.bidder));
  for (const bidder of [...bidders].sort()) {
    const flag = loserFlag(context, market, bidder, settings);
    if (flag) flags.push(flag);
  }
  for (const lot of context.lots()) {
    if (!context.inScope(lot.id)) continue;
    const flag = rejectedLotFlag(context, lot.id, settings);
    if (flag) flags.push(flag);
  }
  return flags.sort((a, b) => a.id.localeCompare(b.id));
};

function marketOf(context: Context): Market {
  const winners = new Map<string, Bid>();
  for (const lot of context.lots()) {
    const won = context
      .bidsOfLot(lot.id)
      .filter((b) => b.won === true)
      .sort((a, b) => a.id.localeCompare(b.id));
    if (won.length) winners.set(lot.id, won[0]);
  }
  let losing = 0;
  let rejected = 0;
  for (const bid of context.projection.bids.values()) {
    if (!winners.has(bid.lot) || bid.won === true || bid.status === 'withdrawn') continue;
    losing += 1;
    if (bid.status === 'rejected') rejected += 1;
  }
  const decided = (organization: string): Bid[] => {
    const byLot = new Map<string, Bid>();
    for (const bid of [...context.bidsOfBidder(organization)].sort((a, b) => a.id.localeCompare(b.id))) {
      if (winners.has(bid.lot) && bid.status !== 'withdrawn' && !byLot.has(bid.lot)) byLot.set(bid.lot, bid);
    }
    return [...byLot.values()];
  };
  return { winners, decided, rejectionRate: (rejected + 1) / (losing + 2) };
}

function loserFlag(context: Context, market: Market, bidder: string, settings: Settings): Flag | undefined {
  const bids = market.decided(bidder);
  if (bids.length < settings.minBids || !bids.some((b) => context.inScope(b.lot))) return undefined;
  const wins = bids.filter((b) => b.won === true).length;
  const winRate = wins / bids.length;
  if (winRate > settings.maxWinRate) return undefined;
  const losing = bids.filter((b) => b.won !== true);
  const rejections = bids.filter((b) => b.status === 'rejected').length;
  const sponsor = topWinner(market, losing);
  const sponsorShare = losing.length ? sponsor.wins / losing.length : 0;
  const isSponsor = sponsorShare >= settings.minSponsorShare;
  if (!isSponsor && rejections < settings.minRejections) return undefined;

  const lift = isSponsor ? sponsorLift(market, bidder, sponsor.id) : undefined;
  const concentration = lift ? clamp((sponsorShare - 0.25) / 0.5) * lift.lift : 0;
  const rejectionTail = binomialUpperTail(bids.length, market.rejectionRate, rejections);
  const rejection = rejections >= settings.minRejections ? 0.8 * clamp(-Math.log10(rejectionTail) / 5) : 0;
  const loss = 1 - (0.5 * winRate) / settings.maxWinRate;
  const score = loss * (1 - (1 - concentration) * (1 - rejection));
  if (score < settings.minScore) return undefined;

  const lots = [...bids].sort((a, b) => compareLots(context, a.lot, b.lot));
  const sponsorBids = isSponsor
    ? lots.map((b) => market.winners.get(b.lot)).filter((w): w is Bid => w?.bidder === sponsor.id)
    : [];
  const evidence: Evidence[] = [
    {
      kind: 'win-record',
      text: `${bidder} bid in ${bids.length} decided lots and won ${wins} (win rate ${pct(winRate)}); ${rejections} of its bids were disqualified, against ${pct(market.rejectionRate)} of losing bids overall (binomial tail ${rejectionTail.toExponential(2)}).`,
      data: {
        bids: bids.length,
        wins,
        winRate: round(winRate),
        rejections,
        marketRejectionRate: round(market.rejectionRate),
        rejectionTail,
      },
    },
  ];
  if (lift) {
    evidence.push({
      kind: 'sponsor',
      text: `${sponsor.id} won ${sponsor.wins} of the ${losing.length} lots ${bidder} lost (${pct(sponsorShare)}); it won ${pct(lift.withBidder)} of the ${lift.shared} lots it shared with ${bidder} against ${pct(lift.without)} without it (binomial tail ${lift.tail.toExponential(2)}).`,
      data: {
        sponsor: sponsor.id,
        sponsorWins: sponsor.wins,
        losingLots: losing.length,
        share: round(sponsorShare),
        winRateWith: round(lift.withBidder),
        winRateWithout: round(lift.without),
        tail: lift.tail,
      },
    });
  }
  for (const bid of lots) evidence.push(lotEvidence(context, market, bid));
  return makeFlag('cover-bidding', ['bidder', bidder, isSponsor ? sponsor.id : 'disqualified'], {
    score,
    entities: isSponsor ? [bidder, sponsor.id] : [bidder],
    bids: [...lots.map((b) => b.id), ...sponsorBids.map((b) => b.id)],
    basis: BASIS,
    summary: isSponsor
      ? `Pattern of persistent losing found: ${bidder} won ${wins} of ${bids.length} lots, ${pct(sponsorShare)} of its losses to ${sponsor.id}.`
      : `Pattern of persistent losing by disqualification found: ${bidder} won ${wins} of ${bids.length} lots, ${rejections} bids disqualified.`,
    evidence,
  });
}

/** The company that won most of the given losing bids' lots (ties broken by id). */
function topWinner(market: Market, losing: Bid[]): { id: string; wins: number } {
  const counts = new Map<string, number>();
  for (const bid of losing) {
    const winner = market.winners.get(bid.lot)?.bidder;
    if (winner !== undefined) counts.set(winner, (counts.get(winner) ?? 0) + 1);
  }
  let best = { id: '', wins: 0 };
  for (const [id, wins] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (wins > best.wins) best = { id, wins };
  }
  return best;
}

/**
 * How far the sponsor's wins beside the bidder exceed its own record, in [0, 1]: the binomial tail
 * of its wins in the shared lots at its win rate without the bidder (Laplace-smoothed towards 1/4,
 * so that a sponsor with little other history counts), as −log10(tail) / 3. A busy, efficient firm
 * that wins as often anyway gets little; one that wins only beside the bidder gets 1.
 */
function sponsorLift(
  market: Market,
  bidder: string,
  sponsor: string,
): { lift: number; shared: number; withBidder: number; without: number; tail: number } {
  const mine = new Set(market.decided(bidder).map((b) => b.lot));
  const theirs = market.decided(sponsor);
  const shared = theirs.filter((b) => mine.has(b.lot));
  const apart = theirs.filter((b) => !mine.has(b.lot));
  const won = shared.filter((b) => b.won === true).length;
  const without = (apart.filter((b) => b.won === true).length + 1) / (apart.length + 4);
  const tail = binomialUpperTail(shared.length, without, won);
  const withBidder = shared.length ? won / shared.length : 0;
  return { lift: clamp(-Math.log10(tail) / 3), shared: shared.length, withBidder, without, tail };
}

function lotEvidence(context: Context, market: Market, bid: Bid): Evidence {
  const winner = market.winners.get(bid.lot);
  const date = lotDate(context, bid.lot);
  const outcome = bid.won === true ? 'won' : bid.status === 'rejected' ? 'was disqualified' : 'lost';
  return {
    kind: 'lot',
    text: `${bid.lot}${date ? ` (${date})` : ''}: ${bid.bidder} bid ${bid.price} and ${outcome}; winner ${winner?.bidder} at ${winner?.price}.`,
    data: {
      lot: bid.lot,
      date,
      bid: bid.id,
      price: bid.price,
      status: bid.status,
      won: bid.won === true,
      winner: winner?.bidder,
      winnerPrice: winner?.price,
    },
  };
}

function rejectedLotFlag(context: Context, lot: string, settings: Settings): Flag | undefined {
  const bids = context.bidsOfLot(lot).filter((b) => b.status !== 'withdrawn');
  const winners = bids.filter((b) => b.won === true);
  if (winners.length !== 1) return undefined;
  const winner = winners[0];
  const others = bids.filter((b) => b !== winner).sort((a, b) => a.id.localeCompare(b.id));
  if (others.length < settings.minRejectedInLot || others.some((b) => b.status !== 'rejected')) return undefined;
  const cheaper = others.filter((b) => b.price < winner.price);
  const score = Math.min(0.9, 0.4 + 0.1 * others.length) + (cheaper.length ? 0.1 : 0);
  return makeFlag('cover-bidding', ['lot', lot, 'all-but-winner-rejected'], {
    score,
    lot,
    project: context.projectOfLot(lot)?.id,
    entities: [winner.bidder, ...others.map((b) => b.bidder)],
    bids: [winner.id, ...others.map((b) => b.id)],
    basis: BASIS,
    summary: `Pattern found: all ${others.length} bids but the winner's were disqualified in ${lot}.`,
    evidence: [
      {
        kind: 'disqualification',
        text: `${winner.bidder} won at ${winner.price}; ${others.length} other bids were disqualified, ${cheaper.length} of them cheaper than the winner's.`,
        data: {
          winner: winner.bidder,
          winnerBid: winner.id,
          winnerPrice: winner.price,
          rejected: others.map((b) => ({ bid: b.id, bidder: b.bidder, price: b.price })),
          cheaperRejected: cheaper.length,
        },
      },
    ],
  });
}

/** A lot's opening date (lot events first, then the project's bid deadline), as YYYY-MM-DD. */
function lotDate(context: Context, lot: string): string | undefined {
  const events = context.projection.lots.get(lot)?.events;
  const project = context.projectOfLot(lot)?.events;
  return (events?.opened ?? events?.bid_deadline ?? project?.bid_deadline ?? events?.awarded)?.slice(0, 10);
}

function compareLots(context: Context, a: string, b: string): number {
  return (lotDate(context, a) ?? '9999').localeCompare(lotDate(context, b) ?? '9999') || a.localeCompare(b);
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
