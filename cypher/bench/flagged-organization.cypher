// The organisation with the most active flags in a region (bench:api's entity graph).
// Parameters: $regions. Returns: id.
MATCH (x:Flag)-[:INVOLVES]->(o:Organization)
WHERE x.active = true AND all(j IN x.jurisdictions WHERE any(p IN $regions WHERE j STARTS WITH p))
WITH o, count(x) AS flags
ORDER BY flags DESC, o.id LIMIT 1
RETURN o.id AS id
