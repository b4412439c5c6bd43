// Supervision totals (监管统计) in the caller's jurisdiction: one row per sector × region (first four
// digits of the project's division code) × month of announcement. Every project lies in exactly one
// row, so the caller adds rows up into the totals and the by_sector / by_region / by_month lists.
// Definitions:
//   - date of a project: its own announcement (events.announced, date part). $from and $to
//     (inclusive) keep the projects announced in that range and leave out projects with no
//     announcement date whenever either is given; month = 'YYYY-MM' of that date, null if none;
//   - lots: the project's lots (HAS_LOT); bids: every bid received for them, whatever its status;
//   - winning bid: a bid with won = true; for a lot where no bid carries `won` at all, its bid of
//     rank 1 that is valid (or has no status). awarded_amount = sum of the winning bids' prices;
//   - single-bid lot: a lot that received exactly one bid;
//   - failed lot (流标): a lot that was evaluated (events.evaluated on the lot or its project) and
//     has no winning bid; the tenderer must tender it again (《招标投标法》 Art. 28 and 42);
//   - re-tendered project: a project with at least one failed lot. (A re-announcement is not
//     matched by name: the format has no link to the failed original, and the same tenderer and
//     name also mark recurring purchases such as a yearly cleaning contract.)
// Placeholder projects (referenced by a record, never loaded) are left out.
// Parameters: $regions, $sectors (jurisdiction; null = unrestricted), $region (division-code prefix
// or null), $sector (or null), $from, $to ('YYYY-MM-DD' or null).
// Returns: sector, region, month, projects, lots, bids, awarded_amount, single_bid_lots,
// failed_lots, retendered_projects.
MATCH (p:Project)
WHERE coalesce(p.placeholder, false) = false
  AND ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
  AND ($sectors IS NULL OR p.sector IN $sectors)
  AND ($region IS NULL OR coalesce(p.region, '') STARTS WITH $region)
  AND ($sector IS NULL OR p.sector = $sector)
WITH p,
     CASE WHEN p.events_announced =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}.*' THEN left(p.events_announced, 10) END AS announced
WHERE ($from IS NULL OR announced >= $from) AND ($to IS NULL OR announced <= $to)
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_LOT]->(l:Lot)
  CALL (l) {
    OPTIONAL MATCH (b:Bid)-[:FOR]->(l)
    WITH collect(b) AS bids
    WITH bids, any(b IN bids WHERE b.won IS NOT NULL) AS marked
    RETURN size(bids) AS received,
           [b IN bids WHERE CASE WHEN marked THEN b.won = true
                                 ELSE b.rank = 1 AND coalesce(b.status, 'valid') = 'valid' END] AS winners
  }
  WITH l, received, winners,
       l IS NOT NULL AND size(winners) = 0 AND (l.events_evaluated IS NOT NULL OR p.events_evaluated IS NOT NULL) AS failed
  RETURN count(l) AS lots,
         sum(received) AS bids,
         sum(reduce(s = 0.0, b IN winners | s + b.price)) AS awarded,
         sum(CASE WHEN received = 1 THEN 1 ELSE 0 END) AS single,
         sum(CASE WHEN failed THEN 1 ELSE 0 END) AS failed
}
RETURN p.sector AS sector, left(p.region, 4) AS region, left(announced, 7) AS month,
       count(p) AS projects, sum(lots) AS lots, sum(bids) AS bids, sum(awarded) AS awarded_amount,
       sum(single) AS single_bid_lots, sum(failed) AS failed_lots,
       sum(CASE WHEN failed > 0 THEN 1 ELSE 0 END) AS retendered_projects
ORDER BY sector, region, month
