/**
 * Tenderer favouritism: one firm wins again and again from one tenderer or tender agent, with
 * prices close to the ceiling, few rivals, short bidding windows, the lowest bid disqualified or a
 * late bid winning; and any award where the winner shares a person, a phone, an address or a
 * control tie with the tenderer or agent. Basis: 《招标投标法实施条例》 Art. 34(1) (an interested
 * party of the tenderer may not bid where it affects fairness), Art. 41 (tenderer–bidder
 * collusion); OCP R003, R018, R030, R031, R036, R040.
 *
 * Repeated wins score (0.5 + 0.5 × share) × combine(sign weight × share of the wins showing the
 * sign), combined with 0.6 × the links' score. Signs: price ≥ 97 % of the ceiling, ≤ 2 rivals, a
 * window under 20 days, the lowest bid disqualified, the winning bid submitted after the deadline
 * (which 《招标投标法》 Art. 28 says must be refused) or, weakly, last. A sign whose data is missing
 * is left out of its share. Links: a shared person (legal rep, staff, owner, the bid's contact,
 * agent person or project manager) 0.9, a direct control tie 0.9, a common owner 0.8, a phone 0.8
 * and an address 0.6, the last two × min(1, 2 / organisations using the value).
 *
 * A busy honest winner wins from many tenderers against many rivals at normal prices: it either
 * holds no large share of one tenderer's awards or shows none of the aggravating signs, and its
 * score stays under `minScore`.
 */
import { Context, Detector } from '../context';
import { Evidence, Flag, combine, makeFlag } from '../flag';
import { Bid, Events, Lot, Project, Projection } from '../model';

const BASIS = '《招标投标法实施条例》 Art. 34(1), Art. 41; OCP R003, R018, R030, R031, R036, R040';
/** Weight of each aggravating sign, applied to the share of the pair's wins that show it. */
const SIGN_WEIGHTS = { nearCeiling: 0.6, fewRivals: 0.4, shortWindow: 0.5, lowestRejected: 0.5, afterDeadline: 0.8 };
/** Weight of the winner being the last to submit (one in n honest bids is). */
const LAST_WEIGHT = 0.2;
/** Tie kinds by which one organisation controls or co-owns another. */
const CONTROL = new Set(['shareholder', 'parent_company', 'same_controller', 'legal_rep', 'executive']);
/** Tie kinds that make a person one of an organisation's people. */
const STAFF = new Set(['legal_rep', 'shareholder', 'executive', 'employee']);

export interface Settings {
  /** Fewest wins of one firm from one tenderer or agent [3]. */
  minWins: number;
  /** Least share of the party's awarded lots the firm won [0.5]. */
  minShare: number;
  /** Fewest awarded lots of the party for a share to mean something [4]. */
  minPartyLots: number;
  /** Winning price ÷ ceiling at or above which a price is close to the ceiling [0.97]. */
  nearCeiling: number;
  /** Most other bids that count as few rivals [2]. */
  maxRivals: number;
  /** Days from documents (docs_from, else announced) to bid deadline below which a window is short [20]. */
  minWindowDays: number;
  /** Repeated-win flags scoring below this are dropped [0.35]. */
  minScore: number;
  /**
   * Links weighing less than this are ignored [0.3]: an address shared with thirty firms of an
   * office tower weighs 0.6 × 2/30 and says nothing.
   */
  minLinkWeight: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  minWins: 3,
  minShare: 0.5,
  minPartyLots: 4,
  nearCeiling: 0.97,
  maxRivals: 2,
  minWindowDays: 20,
  minScore: 0.35,
  minLinkWeight: 0.3,
};

interface Award {
  lot: Lot;
  project: Project;
  winner: Bid;
  bids: Bid[];
}

interface Link {
  kind: 'person' | 'phone' | 'address' | 'control' | 'common-owner';
  value: string;
  weight: number;
  text: string;
}

/** Repeated wins per (party, winner) and tied awards per (lot, party). */
export const detect: Detector<Settings> = (context, settings) => {
  const awards = awardsOf(context);
  const index = indexOf(context, settings.minLinkWeight);
  const byParty = new Map<string, Award[]>();
  for (const award of awards) {
    for (const party of partiesOf(award.project)) {
      let list = byParty.get(party);
      if (!list) byParty.set(party, (list = []));
      list.push(award);
    }
  }
  const flags: Flag[] = [];
  for (const [party, list] of [...byParty].sort(([a], [b]) => a.localeCompare(b))) {
    const byWinner = new Map<string, Award[]>();
    for (const award of list) {
      let won = byWinner.get(award.winner.bidder);
      if (!won) byWinner.set(award.winner.bidder, (won = []));
      won.push(award);
    }
    for (const [winner, won] of byWinner) {
      if (winner === party) continue;
      const flag = repeatFlag(context, index, party, list.length, won, settings);
      if (flag) flags.push(flag);
    }
  }
  for (const award of awards) {
    if (!context.inScope(award.lot.id)) continue;
    for (const party of partiesOf(award.project)) {
      const links = party === award.winner.bidder ? [] : index.links(party, award.winner);
      if (links.length) flags.push(linkFlag(award, party, links));
    }
  }
  return flags.sort((a, b) => a.id.localeCompare(b.id));
};

function awardsOf(context: Context): Award[] {
  const out: Award[] = [];
  for (const lot of [...context.lots()].sort((a, b) => a.id.localeCompare(b.id))) {
    const project = context.projectOfLot(lot.id);
    const bids = context.bidsOfLot(lot.id).filter((b) => b.status !== 'withdrawn');
    const winner = bids.filter((b) => b.won === true).sort((a, b) => a.id.localeCompare(b.id))[0];
    if (project && winner) out.push({ lot, project, winner, bids });
  }
  return out;
}

function partiesOf(project: Project): string[] {
  return project.agent && project.agent !== project.tenderer ? [project.tenderer, project.agent] : [project.tenderer];
}

function repeatFlag(
  context: Context,
  index: Index,
  party: string,
  partyLots: number,
  won: Award[],
  settings: Settings,
): Flag | undefined {
  const share = won.length / partyLots;
  if (won.length < settings.minWins || partyLots < settings.minPartyLots || share < settings.minShare) return undefined;
  if (!won.some((a) => context.inScope(a.lot.id))) return undefined;
  const signs = won.map((a) => signsOf(a, settings));
  const rate = (pick: (s: Signs) => boolean | undefined) => {
    const known = signs.filter((s) => pick(s) !== undefined);
    return known.length ? known.filter((s) => pick(s) === true).length / known.length : 0;
  };
  const rates = {
    nearCeiling: rate((s) => s.nearCeiling),
    fewRivals: rate((s) => s.fewRivals),
    shortWindow: rate((s) => s.shortWindow),
    lowestRejected: rate((s) => s.lowestRejected),
    afterDeadline: rate((s) => s.afterDeadline),
  };
  const lastRate = rate((s) => s.submittedLast);
  const aggravation = combine([
    ...Object.entries(rates).map(([k, r]) => r * SIGN_WEIGHTS[k as keyof typeof SIGN_WEIGHTS]),
    lastRate * LAST_WEIGHT,
  ]);
  const winner = won[0].winner.bidder;
  const links = uniqueLinks(won.flatMap((a) => index.links(party, a.winner)));
  const score = combine([(0.5 + 0.5 * share) * aggravation, 0.6 * combine(links.map((l) => l.weight))]);
  if (score < settings.minScore) return undefined;
  const role = won.every((a) => a.project.tenderer === party) ? 'tenderer' : 'agent';
  return makeFlag('tenderer-favouritism', ['repeat', party, winner], {
    score,
    entities: [party, winner],
    bids: won.map((a) => a.winner.id),
    basis: BASIS,
    summary: `Pattern of repeated wins found: ${winner} won ${won.length} of the ${partyLots} awarded lots of ${role} ${party}.`,
    evidence: [
      {
        kind: 'repeat-wins',
        text: `${winner} won ${won.length} of ${partyLots} awarded lots of ${party} (${pct(share)}); near the ceiling ${pct(rates.nearCeiling)}, few rivals ${pct(rates.fewRivals)}, short windows ${pct(rates.shortWindow)}, lowest bid disqualified ${pct(rates.lowestRejected)}, bid after the deadline ${pct(rates.afterDeadline)}, submitted last ${pct(lastRate)}.`,
        data: {
          party,
          role,
          winner,
          wins: won.length,
          partyLots,
          share: round(share),
          rates: Object.fromEntries(Object.entries(rates).map(([k, r]) => [k, round(r)])),
          lastRate: round(lastRate),
        },
      },
      ...won.map((a, i) => lotEvidence(a, signs[i])),
      ...links.map(linkEvidence),
    ],
  });
}

interface Signs {
  ratio?: number;
  rivals: number;
  windowDays?: number;
  nearCeiling?: boolean;
  fewRivals: boolean;
  shortWindow?: boolean;
  lowestRejected?: boolean;
  afterDeadline?: boolean;
  submittedLast?: boolean;
}

function signsOf(award: Award, settings: Settings): Signs {
  const { lot, winner, bids } = award;
  const events: Events = { ...award.project.events, ...definedOnly(lot.events) };
  const ratio = lot.ceilingPrice ? winner.price / lot.ceilingPrice : undefined;
  const rivals = bids.length - 1;
  const start = events.docs_from ?? events.announced;
  const windowDays = start && events.bid_deadline ? days(start, events.bid_deadline) : undefined;
  const lowest = [...bids].sort((a, b) => a.price - b.price || a.id.localeCompare(b.id))[0];
  const deadline = events.bid_deadline && events.bid_deadline.length > 10 ? Date.parse(events.bid_deadline) : NaN;
  const submitted = winner.submittedAt ? Date.parse(winner.submittedAt) : NaN;
  const times = bids.filter((b) => b.submittedAt).map((b) => Date.parse(b.submittedAt as string));
  return {
    ratio,
    rivals,
    windowDays,
    nearCeiling: ratio === undefined ? undefined : ratio >= settings.nearCeiling,
    fewRivals: rivals <= settings.maxRivals,
    shortWindow: windowDays === undefined ? undefined : windowDays < settings.minWindowDays,
    lowestRejected: bids.length < 2 ? undefined : lowest !== winner && lowest.status === 'rejected',
    afterDeadline: Number.isNaN(deadline) || Number.isNaN(submitted) ? undefined : submitted > deadline,
    submittedLast: times.length < 2 || Number.isNaN(submitted) ? undefined : times.every((t) => t <= submitted),
  };
}

function lotEvidence(award: Award, s: Signs): Evidence {
  const { lot, winner } = award;
  const parts = [
    s.ratio === undefined ? 'no ceiling' : `${pct(s.ratio)} of ceiling ${lot.ceilingPrice}`,
    `${s.rivals} rival bid(s)`,
    s.windowDays === undefined ? 'window unknown' : `${s.windowDays}-day bidding window`,
    s.lowestRejected ? 'lowest bid disqualified' : '',
    s.afterDeadline ? 'winning bid submitted after the deadline' : s.submittedLast ? 'winning bid submitted last' : '',
  ].filter(Boolean);
  return {
    kind: 'lot',
    text: `${lot.id}: won by ${winner.bidder} at ${winner.price}; ${parts.join('; ')}.`,
    data: {
      lot: lot.id,
      project: award.project.id,
      bid: winner.id,
      price: winner.price,
      ceiling: lot.ceilingPrice,
      ratio: s.ratio === undefined ? undefined : round(s.ratio),
      rivals: s.rivals,
      windowDays: s.windowDays,
      lowestRejected: s.lowestRejected,
      afterDeadline: s.afterDeadline,
      submittedLast: s.submittedLast,
    },
  };
}

function linkFlag(award: Award, party: string, links: Link[]): Flag {
  const winner = award.winner.bidder;
  const role = award.project.tenderer === party ? 'tenderer' : 'agent';
  const people = links.filter((l) => l.kind === 'person' || l.kind === 'common-owner').map((l) => l.value);
  return makeFlag('tenderer-favouritism', ['link', award.lot.id, party, winner], {
    score: combine(links.map((l) => l.weight)),
    lot: award.lot.id,
    project: award.project.id,
    entities: [...new Set([party, winner, ...people])],
    bids: [award.winner.id],
    basis: BASIS,
    summary: `Pattern found: winner ${winner} of ${award.lot.id} shares ${[...new Set(links.map((l) => l.kind))].join(', ')} with ${role} ${party}.`,
    evidence: links.map(linkEvidence),
  });
}

function linkEvidence(link: Link): Evidence {
  return {
    kind: link.kind === 'phone' || link.kind === 'address' ? 'shared-value' : 'tie-path',
    text: link.text,
    data: { link: link.kind, value: link.value, weight: round(link.weight) },
  };
}

function uniqueLinks(links: Link[]): Link[] {
  return [...new Map(links.map((l) => [`${l.kind}|${l.value}`, l])).values()];
}

interface Index {
  /** The links between a party and the winner of a bid (the bid's people and phone included). */
  links(party: string, bid: Bid): Link[];
}

function indexOf(context: Context, minWeight: number): Index {
  const p = context.projection;
  const people = peopleOf(p);
  const owners = new Map<string, Set<string>>();
  const direct = new Map<string, string>();
  for (const tie of p.ties) {
    if (!CONTROL.has(tie.kind) || !p.organizations.has(tie.from)) continue;
    direct.set(`${tie.from}\u0000${tie.to}`, tie.kind);
    if (tie.kind === 'shareholder' || tie.kind === 'parent_company') {
      const set = owners.get(tie.to) ?? new Set<string>();
      owners.set(tie.to, set.add(tie.from));
    }
  }
  const phoneUsers = new Map<string, number>();
  const addressUsers = new Map<string, number>();
  for (const org of p.organizations.values()) {
    for (const phone of new Set(org.phones)) phoneUsers.set(phone, (phoneUsers.get(phone) ?? 0) + 1);
    if (org.address) addressUsers.set(org.address, (addressUsers.get(org.address) ?? 0) + 1);
  }
  const rarity = (n: number | undefined) => Math.min(1, 2 / Math.max(2, n ?? 0));
  return {
    links(party, bid) {
      const winner = bid.bidder;
      const out: Link[] = [];
      const theirs = people.get(party) ?? new Map<string, Set<string>>();
      const mine = new Map(people.get(winner) ?? []);
      const bidRoles: [string | undefined, string][] = [
        [bid.contactPerson, 'contact person of its bid'],
        [bid.agentPerson, 'agent person of its bid'],
        [bid.projectManager, 'project manager of its bid'],
      ];
      for (const [person, role] of bidRoles) {
        if (person) mine.set(person, new Set([...(mine.get(person) ?? []), role]));
      }
      for (const [person, roles] of [...mine].sort(([a], [b]) => a.localeCompare(b))) {
        const other = theirs.get(person);
        if (!other) continue;
        const text = `${person} is ${[...other].join(', ')} of ${party} and ${[...roles].join(', ')} of ${winner}.`;
        out.push({ kind: 'person', value: person, weight: 0.9, text });
      }
      const org = p.organizations.get(winner);
      const partyOrg = p.organizations.get(party);
      const phones = new Set([...(org?.phones ?? []), ...(bid.contactPhone ? [bid.contactPhone] : [])]);
      for (const phone of [...new Set(partyOrg?.phones ?? [])].sort()) {
        if (!phones.has(phone) || context.rarity.isBenign('phone', phone)) continue;
        const weight = 0.8 * rarity(phoneUsers.get(phone));
        out.push({ kind: 'phone', value: phone, weight, text: `${winner} and ${party} use phone ${phone}.` });
      }
      const address = org?.address;
      if (address && address === partyOrg?.address && !context.rarity.isBenign('address', address)) {
        const weight = 0.6 * rarity(addressUsers.get(address));
        out.push({ kind: 'address', value: address, weight, text: `${winner} and ${party} share address ${address}.` });
      }
      for (const [from, to] of [
        [party, winner],
        [winner, party],
      ]) {
        const kind = direct.get(`${from}\u0000${to}`);
        if (kind)
          out.push({ kind: 'control', value: `${from}>${to}`, weight: 0.9, text: `${from} is ${kind} of ${to}.` });
      }
      const common = [...(owners.get(party) ?? [])].filter((o) => owners.get(winner)?.has(o)).sort();
      for (const owner of common) {
        const text = `${owner} holds shares of both ${party} and ${winner}.`;
        out.push({ kind: 'common-owner', value: owner, weight: 0.8, text });
      }
      return out.filter((link) => link.weight >= minWeight);
    },
  };
}

/** Each organisation's people with their roles: legal rep, ties of staff kinds, persons employed. */
function peopleOf(p: Projection): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  const add = (org: string, person: string, role: string) => {
    let roles = out.get(org);
    if (!roles) out.set(org, (roles = new Map()));
    roles.set(person, (roles.get(person) ?? new Set()).add(role));
  };
  for (const org of p.organizations.values()) if (org.legalRep) add(org.id, org.legalRep, 'legal_rep');
  for (const person of p.persons.values()) if (person.employer) add(person.employer, person.id, 'employee');
  for (const tie of p.ties) {
    if (STAFF.has(tie.kind) && !p.organizations.has(tie.from)) add(tie.to, tie.from, tie.kind);
  }
  return out;
}

function definedOnly(events: Events): Events {
  return Object.fromEntries(Object.entries(events).filter(([, v]) => v !== undefined && v !== ''));
}

/** Calendar days between the date parts of two ISO dates. */
function days(from: string, to: string): number | undefined {
  const a = Date.parse(from.slice(0, 10));
  const b = Date.parse(to.slice(0, 10));
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / 86_400_000);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
