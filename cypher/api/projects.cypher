// One page of projects in the caller's jurisdiction, by id, with the filters of the statistics
// routes (so that a bar of the dashboard opens exactly the projects it counts): region prefix,
// sector, announcement date (date part of events.announced; with $from or $to, projects without
// one are left out). Placeholders are left out.
// Parameters: $regions, $sectors, $region, $sector, $from, $to ('YYYY-MM-DD' or null), $after
// (id of the previous page's last project, or null), $limit.
// Returns: id, name, region, sector, announced, lots, bids, risk (highest lot risk), flags (active).
MATCH (p:Project)
WHERE coalesce(p.placeholder, false) = false
  AND ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
  AND ($sectors IS NULL OR p.sector IN $sectors)
  AND ($region IS NULL OR coalesce(p.region, '') STARTS WITH $region)
  AND ($sector IS NULL OR p.sector = $sector)
  AND ($after IS NULL OR p.id > $after)
WITH p,
     CASE WHEN p.events_announced =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}.*' THEN left(p.events_announced, 10) END AS announced
WHERE ($from IS NULL OR announced >= $from) AND ($to IS NULL OR announced <= $to)
WITH p, announced ORDER BY p.id LIMIT $limit
RETURN p.id AS id, p.name AS name, p.region AS region, p.sector AS sector, announced,
       COUNT { (p)-[:HAS_LOT]->(:Lot) } AS lots,
       COUNT { (p)-[:HAS_LOT]->(:Lot)<-[:FOR]-(:Bid) } AS bids,
       COLLECT { MATCH (p)-[:HAS_LOT]->(l:Lot) WHERE l.risk IS NOT NULL RETURN l.risk ORDER BY l.risk DESC LIMIT 1 }[0] AS risk,
       COUNT { MATCH (p)-[:HAS_LOT]->(:Lot)<-[:INVOLVES]-(x:Flag) WHERE x.active = true RETURN DISTINCT x } AS flags
ORDER BY id
