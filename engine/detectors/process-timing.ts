/**
 * Process timing: legal minimum and maximum intervals of a tendering procedure, checked per lot.
 * - 《招标投标法》 Art. 24: at least 20 days from tender documents available (`docs_from`, else
 *   `announced`) to the bid deadline, for tendering procedures (open, invited);
 * - 《招标投标法实施条例》 Art. 54: candidates published for at least 3 days;
 * - 《招标投标法》 Art. 46: contract signed within 30 days of the award.
 * Lot events override the project's. A rule is skipped when its dates are missing or the
 * procedure (or category) is not one it applies to. Every flag also carries the lot's longest
 * stage (its bottleneck) as information; the bottleneck is never a flag by itself.
 */
import { Detector } from '../context';
import { Evidence, Flag, makeFlag } from '../flag';
import { Events, Lot, Project } from '../model';
import { EVENT_KEYS } from '../../ingest/records/schemas';

/** The procedure's nodes in order, for stage durations (approval and completion lie outside tendering). */
const NODES = EVENT_KEYS.filter((k) => k !== 'approved' && k !== 'completed') as (keyof Events)[];

export interface Settings {
  /** Least days from documents to bid deadline [20]. */
  minBidWindowDays: number;
  /** Procedures the bid-window minimum applies to [open, invited]. */
  bidWindowProcedures: string[];
  /**
   * Categories the bid-window minimum applies to [works, goods, services]: Art. 24 binds every
   * project that must be tendered, and government open tendering has the same 20 days; narrow to
   * ['works'] to check works only. A project without a category is checked.
   */
  bidWindowCategories: string[];
  /** Least days of candidate publicity [3]. */
  minPublicityDays: number;
  /** Procedures the publicity minimum applies to [open, invited]. */
  publicityProcedures: string[];
  /** Most days from award to contract [30]. */
  maxContractDays: number;
  /** Procedures the contract deadline applies to [open, invited]. */
  contractProcedures: string[];
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  minBidWindowDays: 20,
  bidWindowProcedures: ['open', 'invited'],
  bidWindowCategories: ['works', 'goods', 'services'],
  minPublicityDays: 3,
  publicityProcedures: ['open', 'invited'],
  maxContractDays: 30,
  contractProcedures: ['open', 'invited'],
};

/** The longest stage of a lot's procedure, between two consecutive dated nodes. */
export interface Stage {
  from: keyof Events;
  to: keyof Events;
  days: number;
}

interface Breach {
  rule: 'bid-window' | 'publicity' | 'contract';
  basis: string;
  from: keyof Events;
  to: keyof Events;
  days: number;
  limit: number;
  score: number;
  text: string;
}

/** One flag per in-scope lot and broken rule. */
export const detect: Detector<Settings> = (context, settings) => {
  const flags: Flag[] = [];
  for (const lot of context.projection.lots.values()) {
    const project = context.projection.projects.get(lot.project);
    if (!context.inScope(lot.id) || !project) continue;
    const events = eventsOf(project, lot);
    const breaches = breachesOf(project, events, settings);
    if (!breaches.length) continue;
    const bottleneck = bottleneckOf(events);
    const winners = context
      .bidsOfLot(lot.id)
      .filter((b) => b.won === true)
      .map((b) => b.id)
      .sort();
    for (const breach of breaches) {
      const evidence: Evidence[] = [
        {
          kind: 'timing',
          text: breach.text,
          data: {
            rule: breach.rule,
            from: breach.from,
            to: breach.to,
            start: events[breach.from],
            end: events[breach.to],
            days: breach.days,
            limit: breach.limit,
          },
        },
      ];
      if (bottleneck) {
        evidence.push({
          kind: 'bottleneck',
          text: `Longest stage of ${lot.id}: ${bottleneck.from} → ${bottleneck.to}, ${bottleneck.days} days.`,
          data: { ...bottleneck },
        });
      }
      flags.push(
        makeFlag('process-timing', [lot.id, breach.rule], {
          score: breach.score,
          lot: lot.id,
          project: project.id,
          entities: [project.tenderer, ...(project.agent ? [project.agent] : [])],
          bids: breach.rule === 'contract' ? winners : [],
          basis: breach.basis,
          summary: `Pattern found: ${breach.text}`,
          evidence,
        }),
      );
    }
  }
  return flags.sort((a, b) => a.id.localeCompare(b.id));
};

/** The project's events overridden by the lot's (where the lot has them). */
function eventsOf(project: Project, lot: Lot): Events {
  const own = Object.fromEntries(Object.entries(lot.events).filter(([, v]) => v !== undefined && v !== ''));
  return { ...project.events, ...own };
}

function breachesOf(project: Project, events: Events, settings: Settings): Breach[] {
  const out: Breach[] = [];
  const procedure = project.procedure ?? '';
  const start = events.docs_from ? 'docs_from' : 'announced';
  const window = days(events[start], events.bid_deadline);
  const category = project.category === undefined || settings.bidWindowCategories.includes(project.category);
  if (window !== undefined && category && settings.bidWindowProcedures.includes(procedure)) {
    const limit = settings.minBidWindowDays;
    if (window < limit) {
      out.push({
        rule: 'bid-window',
        basis: '《招标投标法》 Art. 24',
        from: start,
        to: 'bid_deadline',
        days: window,
        limit,
        score: 0.5 + 0.5 * Math.min(1, (limit - window) / limit),
        text: `${window} days from ${start} to bid_deadline, below the ${limit}-day minimum.`,
      });
    }
  }
  const publicity = days(events.candidates_published, events.candidates_until);
  if (publicity !== undefined && settings.publicityProcedures.includes(procedure)) {
    const limit = settings.minPublicityDays;
    if (publicity < limit) {
      out.push({
        rule: 'publicity',
        basis: '《招标投标法实施条例》 Art. 54',
        from: 'candidates_published',
        to: 'candidates_until',
        days: publicity,
        limit,
        score: 0.5 + 0.5 * Math.min(1, (limit - publicity) / limit),
        text: `${publicity} days of candidate publicity, below the ${limit}-day minimum.`,
      });
    }
  }
  const contract = days(events.awarded, events.contract_signed);
  if (contract !== undefined && settings.contractProcedures.includes(procedure)) {
    const limit = settings.maxContractDays;
    if (contract > limit) {
      out.push({
        rule: 'contract',
        basis: '《招标投标法》 Art. 46',
        from: 'awarded',
        to: 'contract_signed',
        days: contract,
        limit,
        score: 0.4 + 0.6 * Math.min(1, (contract - limit) / limit),
        text: `contract signed ${contract} days after the award, beyond the ${limit}-day limit.`,
      });
    }
  }
  return out;
}

/**
 * The longest stage between consecutive dated nodes (announced … contract_signed), the first on
 * ties; undefined with fewer than two dated nodes.
 * @example bottleneckOf({ announced: '2024-01-01', bid_deadline: '2024-01-25', awarded: '2024-02-01' })
 * // { from: 'announced', to: 'bid_deadline', days: 24 }
 */
export function bottleneckOf(events: Events): Stage | undefined {
  const dated = NODES.filter((node) => days(events[node], events[node]) !== undefined);
  let best: Stage | undefined;
  for (let i = 1; i < dated.length; i += 1) {
    const length = days(events[dated[i - 1]], events[dated[i]]) as number;
    if (!best || length > best.days) best = { from: dated[i - 1], to: dated[i], days: length };
  }
  return best;
}

/** Calendar days between the date parts of two ISO dates; undefined when either is missing or invalid. */
function days(from: string | undefined, to: string | undefined): number | undefined {
  const date = /^\d{4}-\d{2}-\d{2}/;
  if (!from || !to || !date.test(from) || !date.test(to)) return undefined;
  const a = Date.parse(from.slice(0, 10));
  const b = Date.parse(to.slice(0, 10));
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / 86_400_000);
}
