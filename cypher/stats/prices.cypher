// Price statistics (价格分析) in the caller's jurisdiction: the winning price ÷ ceiling price ratio
// (中标价 ÷ 最高投标限价) by sector and region, bidders per lot, and "similar lots" groups
// (same sector, same ceiling band) with the lots whose ratio lies outside the group's [p10, p90].
// Definitions:
//   - lots of the projects kept by the filters: jurisdiction, $region (division-code prefix),
//     $sector, and the project's announcement date (events.announced, date part) within [$from, $to];
//   - winning bid: won = true; for a lot where no bid carries `won`, its valid (or unmarked) bid of
//     rank 1. ratio = the winning price ÷ ceiling_price, for lots with exactly one winning bid and a
//     ceiling above 0 (other lots have no ratio);
//   - bidders: distinct organisations that placed a bid for the lot, whatever its status;
//   - quantiles: percentileCont (linear interpolation between the closest ranks);
//   - band: the first of $bands whose `below` exceeds the ceiling (`below` null = no upper bound);
//   - outlier: a lot of a group of at least $minGroup ratios whose ratio is < p10 or > p90 of its
//     group; the $limit farthest from their group median (absolute difference, then lot id) are listed.
// Region of a project = the first four digits of its division code. Placeholder projects are left out.
// Parameters: $regions, $sectors (jurisdiction; null = unrestricted), $region, $sector, $from, $to
// (or null), $bands [{band, below}] in ascending order, $minGroup (integer), $limit (integer).
// Returns: one row: lots, priced (lots with a ratio), overall {lots, p10, p25, p50, p75, p90},
// by_sector [{sector, lots, p10..p90}], by_region [{region, lots, p10..p90}], bidders [{bidders, lots}],
// bidders_quantiles {lots, mean, p10..p90}, groups [{sector, band, lots, p10, median, p90, outliers}],
// outliers [{lot, project, sector, band, ceiling, price, ratio, group_median, group_p10, group_p90}].
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
CALL (l) {
  OPTIONAL MATCH (o:Organization)-[:PLACED]->(b:Bid)-[:FOR]->(l)
  WITH collect(b) AS bids, count(DISTINCT o) AS bidders
  WITH bids, bidders, any(b IN bids WHERE b.won IS NOT NULL) AS marked
  RETURN bidders,
         [b IN bids WHERE CASE WHEN marked THEN b.won = true
                               ELSE b.rank = 1 AND coalesce(b.status, 'valid') = 'valid' END] AS winners
}
WITH p, l, bidders,
     CASE WHEN size(winners) = 1 AND l.ceiling_price > 0 THEN winners[0].price END AS price
WITH collect({
       lot: l.id, project: p.id, sector: p.sector, region: left(p.region, 4), ceiling: l.ceiling_price,
       price: price, ratio: toFloat(price) / l.ceiling_price, bidders: bidders,
       band: head([i IN range(0, size($bands) - 1) WHERE $bands[i].below IS NULL OR l.ceiling_price < $bands[i].below])
     }) AS rows
CALL (rows) {
  UNWIND rows AS r
  WITH r WHERE r.ratio IS NOT NULL
  WITH count(*) AS lots, percentileCont(r.ratio, 0.1) AS p10, percentileCont(r.ratio, 0.25) AS p25,
       percentileCont(r.ratio, 0.5) AS p50, percentileCont(r.ratio, 0.75) AS p75, percentileCont(r.ratio, 0.9) AS p90
  RETURN {lots: lots, p10: p10, p25: p25, p50: p50, p75: p75, p90: p90} AS overall, lots AS priced
}
CALL (rows) {
  UNWIND rows AS r
  WITH r WHERE r.ratio IS NOT NULL
  WITH r.sector AS sector, count(*) AS lots, percentileCont(r.ratio, 0.1) AS p10, percentileCont(r.ratio, 0.25) AS p25,
       percentileCont(r.ratio, 0.5) AS p50, percentileCont(r.ratio, 0.75) AS p75, percentileCont(r.ratio, 0.9) AS p90
  ORDER BY sector
  RETURN collect({sector: sector, lots: lots, p10: p10, p25: p25, p50: p50, p75: p75, p90: p90}) AS by_sector
}
CALL (rows) {
  UNWIND rows AS r
  WITH r WHERE r.ratio IS NOT NULL
  WITH r.region AS region, count(*) AS lots, percentileCont(r.ratio, 0.1) AS p10, percentileCont(r.ratio, 0.25) AS p25,
       percentileCont(r.ratio, 0.5) AS p50, percentileCont(r.ratio, 0.75) AS p75, percentileCont(r.ratio, 0.9) AS p90
  ORDER BY region
  RETURN collect({region: region, lots: lots, p10: p10, p25: p25, p50: p50, p75: p75, p90: p90}) AS by_region
}
CALL (rows) {
  UNWIND rows AS r
  WITH r.bidders AS bidders, count(*) AS lots
  ORDER BY bidders
  RETURN collect({bidders: bidders, lots: lots}) AS bidders
}
CALL (rows) {
  UNWIND rows AS r
  WITH count(*) AS lots, avg(r.bidders) AS mean, percentileCont(r.bidders, 0.1) AS p10,
       percentileCont(r.bidders, 0.25) AS p25, percentileCont(r.bidders, 0.5) AS p50,
       percentileCont(r.bidders, 0.75) AS p75, percentileCont(r.bidders, 0.9) AS p90
  RETURN {lots: lots, mean: mean, p10: p10, p25: p25, p50: p50, p75: p75, p90: p90} AS bidders_quantiles
}
CALL (rows) {
  UNWIND rows AS r
  WITH r WHERE r.ratio IS NOT NULL
  WITH r.sector AS sector, r.band AS band, collect(r) AS members, count(*) AS lots,
       percentileCont(r.ratio, 0.1) AS p10, percentileCont(r.ratio, 0.5) AS median, percentileCont(r.ratio, 0.9) AS p90
  WITH sector, band, lots, p10, median, p90,
       CASE WHEN lots >= $minGroup THEN [m IN members WHERE m.ratio < p10 OR m.ratio > p90] ELSE [] END AS outside
  ORDER BY sector, band
  WITH collect({sector: sector, band: $bands[band].band, lots: lots, p10: p10, median: median, p90: p90,
                outside: outside}) AS groups
  RETURN [g IN groups | {sector: g.sector, band: g.band, lots: g.lots, p10: g.p10, median: g.median, p90: g.p90,
                         outliers: size(g.outside)}] AS groups,
         COLLECT {
           UNWIND groups AS g
           UNWIND g.outside AS m
           WITH g, m, abs(m.ratio - g.median) AS distance
           ORDER BY distance DESC, m.lot
           LIMIT $limit
           RETURN {lot: m.lot, project: m.project, sector: g.sector, band: g.band, ceiling: m.ceiling, price: m.price,
                   ratio: m.ratio, group_median: g.median, group_p10: g.p10, group_p90: g.p90}
         } AS outliers
}
RETURN size(rows) AS lots, priced, overall, by_sector, by_region, bidders, bidders_quantiles, groups, outliers
