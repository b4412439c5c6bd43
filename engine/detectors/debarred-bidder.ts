/**
 * Debarred bidders: a bid placed while the bidder, its legal representative or the project
 * manager it named was under a sanction that bars it on the bid date, within the sanction's
 * scope; and an expert under a barring sanction who sat on (or scored in) a lot's panel on the
 * evaluation date. Basis: 《招标投标法实施条例》 Art. 67–68 (取消投标资格); 《政府采购法》 Art. 22,
 * 77; 《关于对失信被执行人实施联合惩戒的合作备忘录》 (发改财金〔2016〕141号).
 *
 * What bars whom: `bidding_ban` bars bidding in any project; `procurement_debarment` only in
 * government procurement (a project of a `procurementSectors` sector); the joint-punishment lists
 * (`dishonest_debtor`, `tax_violation`, `bribery`) bar bidding in any project; `expert_removed`
 * bars experts only; `warning` and any other kind bar nobody. The record's scope narrows further:
 * `tendering` (not government procurement), `procurement`, `region:<code>` (the project's region
 * lies in the division; a city or province code covers its districts). A sanction without a date
 * is skipped (its start is unknown); one without `until` is open-ended.
 *
 * The bid date is the bid's `submitted_at`, else the lot's (then the project's) opening, bid
 * deadline or announcement; the panel date is the evaluation, else the opening. One flag per
 * (lot, sanctioned party, sanction): a won bid scores `wonScore` (high), a lost one `lostScore`,
 * both × 0.95 through the legal representative and × 0.9 through the project manager; an expert
 * scores `expertRemovedScore` for `expert_removed`, `expertScore` for another bar.
 */
import { Context, Detector } from '../context';
import { Bid, Events, Lot, Project, Sanction } from '../model';
import { Evidence, Flag, makeFlag } from '../flag';
import { isoDay } from './tendering-rules';

const BASIS =
  '《招标投标法实施条例》 Art. 67–68; 《政府采购法》 Art. 22, 77; 失信联合惩戒备忘录 (发改财金〔2016〕141号)';

type Path = 'itself' | 'legal representative' | 'project manager' | 'expert' | "expert's person";
const PATH_WEIGHT: Record<Path, number> = {
  itself: 1,
  'legal representative': 0.95,
  'project manager': 0.9,
  expert: 1,
  "expert's person": 1,
};

export interface Settings {
  /** Sanction kinds that bar a bidder [bidding_ban, procurement_debarment, dishonest_debtor, tax_violation, bribery]. */
  bidderKinds: string[];
  /** Sanction kinds that bar an expert from a panel [expert_removed and the bidder kinds]. */
  expertKinds: string[];
  /** Kinds that bar government procurement only [procurement_debarment]. */
  procurementOnlyKinds: string[];
  /** Project sectors that are government procurement [government_procurement]. */
  procurementSectors: string[];
  /** Score of a barred party's winning bid [0.9]. */
  wonScore: number;
  /** Score of a barred party's losing bid [0.7]. */
  lostScore: number;
  /** Score of a removed expert on a panel [0.9]. */
  expertRemovedScore: number;
  /** Score of an expert under another barring sanction on a panel [0.7]. */
  expertScore: number;
}

const BIDDER_KINDS = ['bidding_ban', 'procurement_debarment', 'dishonest_debtor', 'tax_violation', 'bribery'];

/** Documented defaults. */
export const DEFAULTS: Settings = {
  bidderKinds: BIDDER_KINDS,
  expertKinds: ['expert_removed', ...BIDDER_KINDS],
  procurementOnlyKinds: ['procurement_debarment'],
  procurementSectors: ['government_procurement'],
  wonScore: 0.9,
  lostScore: 0.7,
  expertRemovedScore: 0.9,
  expertScore: 0.7,
};

/** A party's part in a lot while it was barred. */
interface Finding {
  lot: Lot;
  project: Project;
  party: string;
  sanction: Sanction;
  /** The bids through which the party took part (none for an expert). */
  bids: { bid: Bid; path: Path; date: string }[];
  /** For an expert: how and when it sat. */
  seat?: { expert: string; path: Path; date: string };
}

/** One flag per in-scope lot, barred party and sanction. */
export const detect: Detector<Settings> = (context, settings) => {
  const p = context.projection;
  const sanctions = new Map<string, Sanction[]>();
  for (const s of p.sanctions) {
    if (!isoDay(s.date)) continue;
    const list = sanctions.get(s.entity);
    if (list) list.push(s);
    else sanctions.set(s.entity, [s]);
  }
  const barring = (entity: string, kinds: string[], date: string, project: Project) =>
    (sanctions.get(entity) ?? []).filter(
      (s) => kinds.includes(s.kind) && inForce(s, date) && reaches(s, project, settings),
    );
  const findings = new Map<string, Finding>();
  const found = (lot: Lot, project: Project, party: string, sanction: Sanction, role: 'bid' | 'panel'): Finding => {
    const key = `${lot.id}|${party}|${sanction.id}|${role}`;
    let finding = findings.get(key);
    if (!finding) findings.set(key, (finding = { lot, project, party, sanction, bids: [] }));
    return finding;
  };
  const reps = legalReps(context);
  const seated = seats(context);
  for (const lot of p.lots.values()) {
    const project = p.projects.get(lot.project);
    if (!project || !context.inScope(lot.id)) continue;
    const event = (key: keyof Events) => isoDay(lot.events[key]) ?? isoDay(project.events[key]);
    for (const bid of context.bidsOfLot(lot.id)) {
      const date = isoDay(bid.submittedAt) ?? event('opened') ?? event('bid_deadline') ?? event('announced');
      if (!date) continue;
      const parties: [string, Path][] = [
        [bid.bidder, 'itself'],
        ...reps(bid.bidder, date).map((rep): [string, Path] => [rep, 'legal representative']),
        ...(bid.projectManager ? [[bid.projectManager, 'project manager'] as [string, Path]] : []),
      ];
      for (const [party, path] of parties) {
        for (const sanction of barring(party, settings.bidderKinds, date, project)) {
          const finding = found(lot, project, party, sanction, 'bid');
          if (!finding.bids.some((b) => b.bid.id === bid.id)) finding.bids.push({ bid, path, date });
        }
      }
    }
    const date = event('evaluated') ?? event('opened');
    if (!date) continue;
    for (const expert of [...(seated.get(lot.id) ?? [])].sort()) {
      const person = p.experts.get(expert)?.person;
      const parties: [string, Path][] = [
        [expert, 'expert'],
        ...(person ? [[person, "expert's person"] as [string, Path]] : []),
      ];
      for (const [party, path] of parties) {
        for (const sanction of barring(party, settings.expertKinds, date, project)) {
          found(lot, project, party, sanction, 'panel').seat = { expert, path, date };
        }
      }
    }
  }
  return [...findings.values()].map((f) => flagOf(f, settings)).sort((a, b) => a.id.localeCompare(b.id));
};

/** True when the sanction is in force on the date (date ≤ day ≤ until, until absent = open-ended). */
function inForce(s: Sanction, day: string): boolean {
  const from = isoDay(s.date);
  const until = isoDay(s.until);
  return from !== undefined && from <= day && (until === undefined || day <= until);
}

/** True when the sanction's kind and scope reach the project. */
function reaches(s: Sanction, project: Project, settings: Settings): boolean {
  const procurement = settings.procurementSectors.includes(project.sector ?? '');
  if (settings.procurementOnlyKinds.includes(s.kind) && !procurement) return false;
  const scope = s.scope ?? 'all';
  if (scope === 'tendering') return !procurement;
  if (scope === 'procurement') return procurement;
  if (scope.startsWith('region:')) {
    const division = scope.slice('region:'.length).replace(/(00)+$/, '');
    return division !== '' && (project.region ?? '').startsWith(division);
  }
  return scope === 'all';
}

/** An organisation's legal representatives on a date: `legal_rep` of its record and `legal_rep` ties in force. */
function legalReps(context: Context): (org: string, day: string) => string[] {
  const ties = new Map<string, { person: string; since?: string; until?: string }[]>();
  for (const t of context.projection.ties) {
    if (t.kind !== 'legal_rep') continue;
    ties.set(t.to, [...(ties.get(t.to) ?? []), { person: t.from, since: isoDay(t.since), until: isoDay(t.until) }]);
  }
  return (org, day) => {
    const own = context.projection.organizations.get(org)?.legalRep;
    const tied = (ties.get(org) ?? [])
      .filter((t) => (!t.since || t.since <= day) && (!t.until || day <= t.until))
      .map((t) => t.person);
    return [...new Set([...(own ? [own] : []), ...tied])].filter((rep) => rep !== org);
  };
}

/** Experts who sat on each lot's panel (members and chair) or scored in it. */
function seats(context: Context): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const seat = (lot: string, expert: string) => out.set(lot, (out.get(lot) ?? new Set<string>()).add(expert));
  for (const panel of context.projection.panels.values()) {
    for (const e of [...panel.experts, ...(panel.chair ? [panel.chair] : [])]) seat(panel.lot, e);
  }
  for (const e of context.projection.evaluations) seat(e.lot, e.expert);
  return out;
}

function flagOf(f: Finding, settings: Settings): Flag {
  const s = f.sanction;
  const period = `${isoDay(s.date)} – ${isoDay(s.until) ?? 'open-ended'}`;
  const record: Evidence = {
    kind: 'sanction',
    text: `Sanction ${s.id} on ${s.entity}: ${s.kind}, ${period}, scope ${s.scope ?? 'all'}${s.authority ? `, by ${s.authority}` : ''}${s.reason ? ` (${s.reason})` : ''}.`,
    data: {
      sanction: s.id,
      entity: s.entity,
      kind: s.kind,
      date: s.date,
      until: s.until ?? null,
      scope: s.scope ?? 'all',
      authority: s.authority ?? null,
      reason: s.reason ?? null,
      source: s.source ?? null,
    },
  };
  const bids = f.bids.sort((a, b) => a.bid.id.localeCompare(b.bid.id));
  const evidence: Evidence[] = [record];
  let score = 0;
  let summary: string;
  if (f.seat) {
    const { expert, path, date } = f.seat;
    score = s.kind === 'expert_removed' ? settings.expertRemovedScore : settings.expertScore;
    const through = path === 'expert' ? '' : ` (through its person ${f.party})`;
    evidence.push({
      kind: 'panel',
      text: `${expert} sat on the panel of ${f.lot.id} on ${date}${through}.`,
      data: { expert, lot: f.lot.id, date, path },
    });
    summary = `Pattern found: expert ${expert} sat on the panel of ${f.lot.id} on ${date} while under ${s.kind} sanction ${s.id} (${period})${through}.`;
  } else {
    for (const { bid, path, date } of bids) {
      score = Math.max(score, (bid.won === true ? settings.wonScore : settings.lostScore) * PATH_WEIGHT[path]);
      const via = path === 'itself' ? '' : ` through its ${path} ${f.party}`;
      evidence.push({
        kind: 'bid',
        text: `${bid.bidder} bid ${bid.price} in ${f.lot.id} on ${date}${bid.won === true ? ' and won' : ''}${via}.`,
        data: {
          bid: bid.id,
          bidder: bid.bidder,
          date,
          price: bid.price,
          won: bid.won === true,
          status: bid.status ?? null,
          path,
        },
      });
    }
    const bidders = [...new Set(bids.map((b) => b.bid.bidder))].join(', ');
    const who = bids[0].path === 'itself' ? 'it was' : `its ${bids[0].path} ${f.party} was`;
    const won = bids.some((b) => b.bid.won === true) ? ' and won' : '';
    summary = `Pattern found: ${bidders} bid in ${f.lot.id} on ${bids[0].date}${won} while ${who} under ${s.kind} sanction ${s.id} (${period}, scope ${s.scope ?? 'all'}).`;
  }
  const entities = [f.party, ...(f.seat ? [f.seat.expert] : bids.map((b) => b.bid.bidder))];
  return makeFlag('debarred-bidder', [f.lot.id, f.party, s.id, ...(f.seat ? ['panel'] : [])], {
    score,
    lot: f.lot.id,
    project: f.project.id,
    entities: [...new Set(entities)],
    bids: [...new Set(bids.map((b) => b.bid.id))],
    basis: BASIS,
    summary,
    evidence,
  });
}
