// Process timing statistics (流程时效) in the caller's jurisdiction: how many days each stage of the
// tendering procedure takes, overall, by sector, by region and by agent (招标代理), how long the
// whole procedure takes, and how often the legal minimums and maximums are broken.
// Definitions:
//   - lots of the projects kept by the filters: jurisdiction, $region (division-code prefix),
//     $sector, and the project's announcement date (events.announced, date part) within [$from, $to];
//   - a lot's events are the project's events overridden by the lot's own (non-empty) ones, as in
//     engine/detectors/process-timing.ts; days = calendar days between the date parts;
//   - stage i ($stages[i] = {from, to}): counted for a lot when both dates are present (a negative
//     span, from data out of order, is counted as it is); total: $total.from → $total.to;
//   - rules (the engine's process-timing defaults), counted only for the procedures they bind and
//     when both dates are present: bid_window = docs_from (else announced) → bid_deadline, broken
//     when < $minBidWindowDays (《招标投标法》 Art. 24; category in $bidWindowCategories or none);
//     publicity = candidates_published → candidates_until, broken when < $minPublicityDays
//     (《招标投标法实施条例》 Art. 54); contract = awarded → contract_signed, broken when
//     > $maxContractDays (《招标投标法》 Art. 46);
//   - groups: dimension 'all' (key null), 'sector' (key = sector), 'region' (key = first four digits
//     of the division code), 'agent' (key = organisation id, name = its name; a lot of a project with
//     no agent is in no agent group); quantiles are percentileCont (linear interpolation).
// Placeholder projects are left out.
// Parameters: $regions, $sectors (jurisdiction; null = unrestricted), $region, $sector, $from, $to
// (or null), $stages [{from, to}], $total {from, to}, $minBidWindowDays, $bidWindowProcedures,
// $bidWindowCategories, $minPublicityDays, $publicityProcedures, $maxContractDays, $contractProcedures.
// Returns: dimension, key, name, kind ('stage', 'total' or 'rule'), index (of the stage), item
// (stage 'from>to', total 'from>to' or rule name), lots (counted), median_days, p90_days, broken
// (rules: lots that broke it; otherwise 0).
MATCH (p:Project)
WHERE coalesce(p.placeholder, false) = false
  AND ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
  AND ($sectors IS NULL OR p.sector IN $sectors)
  AND ($region IS NULL OR coalesce(p.region, '') STARTS WITH $region)
  AND ($sector IS NULL OR p.sector = $sector)
WITH p,
     CASE WHEN p.events_announced =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}.*' THEN left(p.events_announced, 10) END AS announced
WHERE ($from IS NULL OR announced >= $from) AND ($to IS NULL OR announced <= $to)
MATCH (p)-[:HAS_LOT]->(l:Lot)
WITH p, l,
     COLLECT { MATCH (a:Organization)-[:AGENT_FOR]->(p) RETURN DISTINCT a {.id, .name} } AS agents,
     {
       announced: CASE WHEN coalesce(l.events_announced, '') <> '' THEN l.events_announced ELSE p.events_announced END,
       docs_from: CASE WHEN coalesce(l.events_docs_from, '') <> '' THEN l.events_docs_from ELSE p.events_docs_from END,
       bid_deadline: CASE WHEN coalesce(l.events_bid_deadline, '') <> '' THEN l.events_bid_deadline ELSE p.events_bid_deadline END,
       opened: CASE WHEN coalesce(l.events_opened, '') <> '' THEN l.events_opened ELSE p.events_opened END,
       evaluated: CASE WHEN coalesce(l.events_evaluated, '') <> '' THEN l.events_evaluated ELSE p.events_evaluated END,
       candidates_published: CASE WHEN coalesce(l.events_candidates_published, '') <> ''
                                  THEN l.events_candidates_published ELSE p.events_candidates_published END,
       candidates_until: CASE WHEN coalesce(l.events_candidates_until, '') <> ''
                              THEN l.events_candidates_until ELSE p.events_candidates_until END,
       awarded: CASE WHEN coalesce(l.events_awarded, '') <> '' THEN l.events_awarded ELSE p.events_awarded END,
       contract_signed: CASE WHEN coalesce(l.events_contract_signed, '') <> ''
                             THEN l.events_contract_signed ELSE p.events_contract_signed END
     } AS ev
WITH p, agents, ev, coalesce(p.procedure, '') AS procedure,
     CASE WHEN coalesce(ev.docs_from, '') <> '' THEN 'docs_from' ELSE 'announced' END AS windowStart
WITH p, agents,
     [i IN range(0, size($stages) - 1) |
       {kind: 'stage', index: i, item: $stages[i].from + '>' + $stages[i].to, a: ev[$stages[i].from],
        b: ev[$stages[i].to], applies: true}] +
     [{kind: 'total', index: 0, item: $total.from + '>' + $total.to, a: ev[$total.from], b: ev[$total.to],
       applies: true},
      {kind: 'rule', index: 0, item: 'bid_window', a: ev[windowStart], b: ev.bid_deadline, min: $minBidWindowDays,
       applies: procedure IN $bidWindowProcedures AND (p.category IS NULL OR p.category IN $bidWindowCategories)},
      {kind: 'rule', index: 1, item: 'publicity', a: ev.candidates_published, b: ev.candidates_until,
       min: $minPublicityDays, applies: procedure IN $publicityProcedures},
      {kind: 'rule', index: 2, item: 'contract', a: ev.awarded, b: ev.contract_signed, max: $maxContractDays,
       applies: procedure IN $contractProcedures}] AS spans
WITH p, agents,
     [s IN spans WHERE s.applies AND s.a =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}.*' AND s.b =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}.*' |
       s {.kind, .index, .item, .min, .max, days: duration.inDays(date(left(s.a, 10)), date(left(s.b, 10))).days}] AS measured
WITH p, agents,
     [m IN measured | m {.kind, .index, .item, .days,
                         broken: (m.min IS NOT NULL AND m.days < m.min) OR (m.max IS NOT NULL AND m.days > m.max)}] AS items
WITH items,
     [{dimension: 'all', key: null, name: null},
      {dimension: 'sector', key: p.sector, name: null},
      {dimension: 'region', key: left(p.region, 4), name: null}] +
     [a IN agents | {dimension: 'agent', key: a.id, name: a.name}] AS groups
UNWIND groups AS g
UNWIND items AS it
WITH g.dimension AS dimension, g.key AS key, g.name AS name, it.kind AS kind, it.index AS index, it.item AS item,
     count(*) AS lots, percentileCont(it.days, 0.5) AS median_days, percentileCont(it.days, 0.9) AS p90_days,
     sum(CASE WHEN it.broken THEN 1 ELSE 0 END) AS broken
RETURN dimension, key, name, kind, index, item, lots, median_days, p90_days, broken
ORDER BY dimension, key, kind, index
