// How many projects projects.cypher pages through (the `total`), same conditions without the cursor.
// Parameters: $regions, $sectors, $region, $sector, $from, $to. Returns: total.
MATCH (p:Project)
WHERE coalesce(p.placeholder, false) = false
  AND ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
  AND ($sectors IS NULL OR p.sector IN $sectors)
  AND ($region IS NULL OR coalesce(p.region, '') STARTS WITH $region)
  AND ($sector IS NULL OR p.sector = $sector)
WITH p,
     CASE WHEN p.events_announced =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}.*' THEN left(p.events_announced, 10) END AS announced
WHERE ($from IS NULL OR announced >= $from) AND ($to IS NULL OR announced <= $to)
RETURN count(p) AS total
