/**
 * The contracting process onto a canonical project: id = ocid; name = `tender.title` (else
 * `planning.budget.project`, else the ocid); tenderer = the buyer (`buyer`, or the party with
 * role buyer), else the procuring entity; agent = the procuring entity when it is another party
 * than the buyer (a tendering agency, 招标代理, runs the procedure for the tenderer); supervisor =
 * the party with role reviewBody (the supervising department hears complaints); procedure;
 * `category` = `tender.mainProcurementCategory`; budget and currency from
 * `planning.budget.amount`; `project_code` from `planning.budget.projectID`,
 * `planning.projectID` or `planning.project.id` when it looks like 2017-410102-48-01-012345
 * (else kept as `planning_project_id`); events: `announced` = `tender.datePublished` (else the
 * start of the tender period), `docs_from` and `bid_deadline` = `tender.tenderPeriod`.
 * `tender.id` is kept as `tender_id` when it is not the ocid.
 */
import { dayOrTime } from './dates';
import type { Mapped } from './mapped';
import { money } from './money';
import type { Parties } from './parties';
import { procedureOf } from './procedure';
import { defined, JsonObject, objectAt, take, takeText } from './take';

const PROJECT_CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;
const CATEGORIES = ['works', 'goods', 'services'];

export function mapProject(ocid: string, release: JsonObject, parties: Parties, currency?: string): Mapped {
  const tender = objectAt(release, 'tender');
  const planning = objectAt(release, 'planning');
  const budget = objectAt(planning, 'budget');
  const buyer = parties.reference(objectAt(release, 'buyer'), 'buyer') ?? parties.withRole('buyer');
  const procuring =
    parties.reference(objectAt(tender, 'procuringEntity'), 'tender.procuringEntity') ??
    parties.withRole('procuringEntity');
  const tenderer = buyer ?? procuring;
  const tenderId = takeText(tender, 'id');
  const period = objectAt(tender, 'tenderPeriod');
  const docsFrom = dayOrTime(take(period, 'startDate'));
  const events = defined({
    announced: dayOrTime(take(tender, 'datePublished')) ?? docsFrom,
    docs_from: docsFrom,
    bid_deadline: dayOrTime(take(period, 'endDate')),
  });
  const category = tender?.mainProcurementCategory;
  const record = defined({
    type: 'project',
    id: ocid,
    name: takeText(tender, 'title') ?? takeText(budget, 'project') ?? ocid,
    tenderer,
    agent: procuring !== tenderer ? procuring : undefined,
    supervisor: parties.withRole('reviewBody'),
    procedure: procedureOf(tender),
    budget: money(objectAt(budget, 'amount'), currency)?.amount,
    currency,
    category:
      typeof category === 'string' && CATEGORIES.includes(category)
        ? take(tender, 'mainProcurementCategory')
        : undefined,
    ...projectCode(planning, budget),
    events: Object.keys(events).length > 0 ? events : undefined,
    tender_id: tenderId !== ocid ? tenderId : undefined,
  });
  return { record, from: 'tender' };
}

function projectCode(planning: JsonObject | undefined, budget: JsonObject | undefined) {
  const places: [JsonObject | undefined, string][] = [
    [budget, 'projectID'],
    [planning, 'projectID'],
    [objectAt(planning, 'project'), 'id'],
  ];
  for (const [holder, key] of places) {
    const code = takeText(holder, key);
    if (code !== undefined) return PROJECT_CODE.test(code) ? { project_code: code } : { planning_project_id: code };
  }
  return {};
}
