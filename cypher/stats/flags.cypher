// Early-warning totals for the overview (预警统计): the active flags of each detector that rest on
// a lot of a project the overview counts (same jurisdiction, filters and placeholder rule as
// overview.cypher), and how many of them are of high severity. A flag on lots of several such
// projects counts once. Flags whose lots all lie outside the counted projects are left out.
// Parameters: as overview.cypher. Returns: detector, flags, high.
MATCH (p:Project)
WHERE coalesce(p.placeholder, false) = false
  AND ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
  AND ($sectors IS NULL OR p.sector IN $sectors)
  AND ($region IS NULL OR coalesce(p.region, '') STARTS WITH $region)
  AND ($sector IS NULL OR p.sector = $sector)
WITH p,
     CASE WHEN p.events_announced =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}.*' THEN left(p.events_announced, 10) END AS announced
WHERE ($from IS NULL OR announced >= $from) AND ($to IS NULL OR announced <= $to)
MATCH (p)-[:HAS_LOT]->(:Lot)<-[:INVOLVES]-(x:Flag)
WHERE x.active = true
WITH DISTINCT x
RETURN x.detector AS detector, count(x) AS flags, count(CASE WHEN x.severity = 'high' THEN 1 END) AS high
ORDER BY flags DESC, detector
