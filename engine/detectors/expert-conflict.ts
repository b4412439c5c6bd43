/**
 * Expert conflicts of interest: an expert sat on a lot's panel or scored in it while one of the
 * lot's bidders is the expert's (former) employer, is owned or represented by the expert or by a
 * company the expert owns, shares an owner with the expert's employer, is run by the expert's
 * relative, or shares a phone or an address with the expert; or while the expert was staff of the
 * project's supervising department. Basis: 《评标委员会和评标方法暂行规定》 Art. 12 (who must
 * stand aside); 《招标投标法》 Art. 37 (interested parties and supervisors may not sit). A
 * sanctioned expert on a panel is debarred-bidder's question, not this family's.
 *
 * One flag per (expert, lot, bidder) link and per (expert, lot, supervising department); the
 * links of one pair combine as 1 − Π(1 − wᵢ). Weights: current
 * employer 0.95, former employer 0.7; the expert's person is the bidder's legal rep or employee
 * 0.95, shareholder or executive 0.9, or holds a company that owns the bidder 0.8; the expert's
 * employer owns, is owned by or shares an owner with the bidder 0.75; a relative runs the bidder
 * 0.85 (owns or manages it 0.8); the expert's person handles the bid 0.95; a shared phone 0.8; a
 * shared address 0.6 × min(1, 2 / users); the supervising department 0.8.
 */
import { Context, Detector } from '../context';
import { Evidence, Flag, combine, makeFlag } from '../flag';
import { Bid, Expert, Project, Projection, Tie } from '../model';

const BASIS = '《评标委员会和评标方法暂行规定》 Art. 12; 《招标投标法》 Art. 37';
/** Tie kinds by which a person holds or runs an organisation, with the weight of the expert holding it. */
const HOLDS: Record<string, number> = { legal_rep: 0.95, employee: 0.95, shareholder: 0.9, executive: 0.9 };
/** Tie kinds by which a person runs or owns an organisation (for relatives). */
const RUNS = new Set(['legal_rep', 'shareholder', 'executive']);
/** Tie kinds by which one organisation owns or controls another. */
const OWNS = new Set(['shareholder', 'parent_company', 'same_controller']);

export interface Settings {
  /** Weight of a current employer among the bidders [0.95]. */
  employerWeight: number;
  /** Weight of a former employer among the bidders [0.7]. */
  formerEmployerWeight: number;
  /** Weight of a relative of the expert running the bidder [0.85]. */
  relativeWeight: number;
  /** Weight of the expert working for the project's supervising department [0.8]. */
  supervisorWeight: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  employerWeight: 0.95,
  formerEmployerWeight: 0.7,
  relativeWeight: 0.85,
  supervisorWeight: 0.8,
};

interface Link {
  kind: string;
  weight: number;
  text: string;
  data: Record<string, unknown>;
}

/** Conflict flags for every in-scope lot with a panel or scores. */
export const detect: Detector<Settings> = (context, settings) => {
  const p = context.projection;
  const ties = tieIndex(p.ties);
  const addressUsers = new Map<string, number>();
  for (const org of p.organizations.values()) {
    if (org.address) addressUsers.set(org.address, (addressUsers.get(org.address) ?? 0) + 1);
  }
  const seated = new Map<string, Set<string>>();
  const seat = (lot: string, expert: string) => {
    const set = seated.get(lot) ?? new Set<string>();
    seated.set(lot, set.add(expert));
  };
  for (const panel of p.panels.values()) {
    for (const e of [...panel.experts, ...(panel.chair ? [panel.chair] : [])]) seat(panel.lot, e);
  }
  for (const evaluation of p.evaluations) seat(evaluation.lot, evaluation.expert);

  const supervisors = supervisorIndex(p);
  const profiles = new Map<string, Profile>();
  const profile = (id: string): Profile => {
    let found = profiles.get(id);
    if (!found) {
      found = profileOf(p, ties, p.experts.get(id) ?? { id, formerEmployers: [], phones: [] });
      profiles.set(id, found);
    }
    return found;
  };
  const flags: Flag[] = [];
  for (const [lot, experts] of [...seated].sort(([a], [b]) => a.localeCompare(b))) {
    const project = context.projectOfLot(lot);
    if (!context.inScope(lot) || !project) continue;
    const bids = context.bidsOfLot(lot);
    for (const id of [...experts].sort()) {
      const mine = profile(id);
      const expert = mine.expert;
      for (const bidder of [...new Set(bids.map((b) => b.bidder))].sort()) {
        const own = bids.filter((b) => b.bidder === bidder);
        const links = bidderLinks(context, ties, addressUsers, mine, bidder, own, settings);
        if (links.length) flags.push(conflictFlag(project, lot, expert, bidder, own, links, 'bidder'));
      }
      for (const department of supervisors(project)) {
        if (!mine.employers.has(department)) continue;
        const link: Link = {
          kind: 'supervisor',
          weight: settings.supervisorWeight,
          text: `${id} works for ${department}, the supervising department of ${project.id}.`,
          data: { department, project: project.id },
        };
        flags.push(conflictFlag(project, lot, expert, department, [], [link], 'supervisor'));
      }
    }
  }
  return flags.sort((a, b) => a.id.localeCompare(b.id));
};

interface TieIndex {
  from: Map<string, Tie[]>;
  to: Map<string, Tie[]>;
}

function tieIndex(ties: Tie[]): TieIndex {
  const from = new Map<string, Tie[]>();
  const to = new Map<string, Tie[]>();
  const push = (map: Map<string, Tie[]>, key: string, tie: Tie) => {
    const list = map.get(key);
    if (list) list.push(tie);
    else map.set(key, [tie]);
  };
  for (const tie of ties) {
    push(from, tie.from, tie);
    push(to, tie.to, tie);
  }
  return { from, to };
}

/** What an expert brings to a lot: employers, former employers, holdings, relatives, phones, address. */
interface Profile {
  expert: Expert;
  person?: string;
  employers: Set<string>;
  former: Set<string>;
  holdings: Tie[];
  relatives: Set<string>;
  phones: Set<string>;
  address?: string;
}

function profileOf(p: Projection, ties: TieIndex, expert: Expert): Profile {
  const person = expert.person ? p.persons.get(expert.person) : undefined;
  const own = expert.person ? (ties.from.get(expert.person) ?? []) : [];
  const relatives = [...own, ...(expert.person ? (ties.to.get(expert.person) ?? []) : [])]
    .filter((t) => t.kind === 'relative')
    .map((t) => (t.from === expert.person ? t.to : t.from));
  return {
    expert,
    person: expert.person,
    employers: new Set([expert.employer, person?.employer].filter((e): e is string => e !== undefined)),
    former: new Set([...expert.formerEmployers, ...own.filter((t) => t.kind === 'former_employee').map((t) => t.to)]),
    holdings: own.filter((t) => Object.hasOwn(HOLDS, t.kind)),
    relatives: new Set(relatives),
    phones: new Set([...expert.phones, ...(person?.phones ?? [])]),
    address: expert.address ?? person?.address,
  };
}

function bidderLinks(
  context: Context,
  ties: TieIndex,
  addressUsers: Map<string, number>,
  profile: Profile,
  bidder: string,
  bids: Bid[],
  settings: Settings,
): Link[] {
  const p = context.projection;
  const e = profile.expert.id;
  const org = p.organizations.get(bidder);
  const links: Link[] = [];
  const add = (kind: string, weight: number, text: string, data: Record<string, unknown> = {}) =>
    links.push({ kind, weight, text, data: { bidder, ...data } });
  const employed = profile.employers.has(bidder);
  if (employed) add('employer', settings.employerWeight, `${bidder} is the employer of ${e}.`);
  else if (profile.former.has(bidder)) {
    add('former-employer', settings.formerEmployerWeight, `${bidder} is a former employer of ${e}.`);
  }
  for (const tie of profile.holdings.filter((t) => t.to === bidder && !(employed && t.kind === 'employee'))) {
    add('holding', HOLDS[tie.kind], `${e}'s person ${tie.from} is ${tie.kind} of ${bidder}.`, { tie: tie.kind });
  }
  if (profile.person && org?.legalRep === profile.person && !profile.holdings.some((t) => t.to === bidder)) {
    add('holding', HOLDS.legal_rep, `${e}'s person ${profile.person} is legal representative of ${bidder}.`);
  }
  const owners = ownersOf(ties, bidder);
  for (const owner of owners) {
    const held = profile.holdings.find((t) => t.to === owner && t.kind !== 'employee');
    if (!held) continue;
    add('owner', 0.8, `${e}'s person is ${held.kind} of ${owner}, which owns or controls ${bidder}.`, { owner });
  }
  for (const employer of [...profile.employers].filter((x) => x !== bidder).sort()) {
    const theirs = ownersOf(ties, employer);
    if (owners.includes(employer)) {
      add('owner', 0.75, `${e}'s employer ${employer} owns or controls ${bidder}.`, { employer });
    } else if (theirs.includes(bidder)) {
      add('owner', 0.75, `${bidder} owns or controls ${e}'s employer ${employer}.`, { employer });
    }
    for (const owner of owners.filter((o) => o !== employer && theirs.includes(o))) {
      const text = `${e}'s employer ${employer} and ${bidder} are both owned or controlled by ${owner}.`;
      add('owner', 0.75, text, { owner, employer });
    }
  }
  const runners = [org?.legalRep, ...(ties.to.get(bidder) ?? []).filter((t) => RUNS.has(t.kind)).map((t) => t.from)];
  for (const runner of [...new Set(runners)].filter((r): r is string => r !== undefined).sort()) {
    if (!profile.relatives.has(runner)) continue;
    const weight = runner === org?.legalRep ? settings.relativeWeight : settings.relativeWeight - 0.05;
    add('relative', weight, `${e}'s person is a relative of ${runner}, who runs or owns ${bidder}.`, {
      person: runner,
    });
  }
  for (const bid of bids) {
    for (const [role, person] of [
      ['contact person', bid.contactPerson],
      ['agent person', bid.agentPerson],
      ['project manager', bid.projectManager],
    ]) {
      if (person && person === profile.person)
        add('bid-person', 0.95, `${e}'s person is the ${role} of bid ${bid.id}.`);
    }
  }
  const phones = [...(org?.phones ?? []), ...bids.map((b) => b.contactPhone)];
  for (const phone of [...new Set(phones)].filter((x): x is string => x !== undefined).sort()) {
    if (profile.phones.has(phone) && !context.rarity.isBenign('phone', phone)) {
      add('phone', 0.8, `${e} and ${bidder} use phone ${phone}.`, { phone });
    }
  }
  const address = profile.address;
  if (address && address === org?.address && !context.rarity.isBenign('address', address)) {
    const weight = 0.6 * Math.min(1, 2 / Math.max(2, (addressUsers.get(address) ?? 0) + 1));
    add('address', weight, `${e} and ${bidder} share address ${address}.`, { address });
  }
  return links;
}

/** Organisations and persons that own or control an organisation (one step). */
function ownersOf(ties: TieIndex, org: string): string[] {
  const owners = (ties.to.get(org) ?? []).filter((t) => OWNS.has(t.kind)).map((t) => t.from);
  const peers = (ties.from.get(org) ?? []).filter((t) => t.kind === 'same_controller').map((t) => t.to);
  return [...new Set([...owners, ...peers])].sort();
}

/** A project's supervising departments: its `supervisor`, and departments that supervise its tenderer. */
function supervisorIndex(p: Projection): (project: Project) => string[] {
  const byTenderer = new Map<string, string[]>();
  for (const tie of p.ties) {
    if (tie.kind === 'supervises') byTenderer.set(tie.to, [...(byTenderer.get(tie.to) ?? []), tie.from]);
  }
  return (project) =>
    [...new Set([project.supervisor, ...(byTenderer.get(project.tenderer) ?? [])])]
      .filter((d): d is string => d !== undefined)
      .sort();
}

function conflictFlag(
  project: Project,
  lot: string,
  expert: Expert,
  other: string,
  bids: Bid[],
  links: Link[],
  about: 'bidder' | 'supervisor',
): Flag {
  const people = links.flatMap((l) => [l.data.person, l.data.owner]).filter((x): x is string => typeof x === 'string');
  const kinds = [...new Set(links.map((l) => l.kind))].join(', ');
  const summary =
    about === 'bidder'
      ? `Pattern found: expert ${expert.id} evaluated ${lot} where bidder ${other} is linked to the expert (${kinds}).`
      : `Pattern found: expert ${expert.id} evaluated ${lot} while employed by its supervising department ${other}.`;
  return makeFlag('expert-conflict', [expert.id, lot, about, other], {
    score: combine(links.map((l) => l.weight)),
    lot,
    project: project.id,
    entities: [...new Set([expert.id, other, ...people])],
    bids: bids.map((b) => b.id).sort(),
    basis: BASIS,
    summary,
    evidence: links.map((l): Evidence => ({
      kind: l.kind === 'phone' || l.kind === 'address' ? 'shared-value' : 'tie-path',
      text: l.text,
      data: { link: l.kind, weight: l.weight, expert: expert.id, ...l.data },
    })),
  });
}
