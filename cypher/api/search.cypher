// The search box (GET /search): organisations, persons, experts, projects and lots whose id
// starts with $q, organisations whose USCC is $uscc, and names matching the Lucene query $lucene
// in the full-text index entity_names (Organization, Person, Expert, Project). Only what lies in
// the caller's jurisdiction is returned: projects in scope, lots of in-scope projects, entities
// in scope as defined in entity.cypher. Exact id or USCC matches come first, then id prefixes,
// then names by relevance. At most $scan candidates per id-prefix label and per name query are
// considered (id order, relevance order), so `total` counts at most that many.
// Parameters: $q (trimmed text), $uscc (upper-case, no separators), $lucene (escaped query),
// $scan, $limit, $regions, $sectors.
// Returns: items [{id, label, name, region, risk}] (up to $limit), total.
CALL () {
  MATCH (n:Organization) WHERE n.id STARTS WITH $q
  WITH n ORDER BY n.id LIMIT $scan RETURN n, CASE WHEN n.id = $q THEN 0 ELSE 1 END AS rank, 0.0 AS score
  UNION ALL
  MATCH (n:Person) WHERE n.id STARTS WITH $q
  WITH n ORDER BY n.id LIMIT $scan RETURN n, CASE WHEN n.id = $q THEN 0 ELSE 1 END AS rank, 0.0 AS score
  UNION ALL
  MATCH (n:Expert) WHERE n.id STARTS WITH $q
  WITH n ORDER BY n.id LIMIT $scan RETURN n, CASE WHEN n.id = $q THEN 0 ELSE 1 END AS rank, 0.0 AS score
  UNION ALL
  MATCH (n:Project) WHERE n.id STARTS WITH $q
  WITH n ORDER BY n.id LIMIT $scan RETURN n, CASE WHEN n.id = $q THEN 0 ELSE 1 END AS rank, 0.0 AS score
  UNION ALL
  MATCH (n:Lot) WHERE n.id STARTS WITH $q
  WITH n ORDER BY n.id LIMIT $scan RETURN n, CASE WHEN n.id = $q THEN 0 ELSE 1 END AS rank, 0.0 AS score
  UNION ALL
  MATCH (n:Organization {uscc: $uscc})
  RETURN n, 0 AS rank, 0.0 AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $scan}) YIELD node, score
  RETURN node AS n, 2 AS rank, score
}
WITH n, min(rank) AS rank, max(score) AS score
WITH n, rank, score,
     CASE WHEN n:Lot THEN COLLECT { MATCH (p:Project)-[:HAS_LOT]->(n) RETURN p LIMIT 1 }[0] ELSE n END AS p
WHERE p IS NOT NULL
  AND CASE
    WHEN n:Project OR n:Lot THEN ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors)
    ELSE (($regions IS NULL AND $sectors IS NULL) OR EXISTS {
           CALL (n) {
             MATCH (n)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
             UNION ALL MATCH (n)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
             UNION ALL MATCH (n)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
             UNION ALL MATCH (n)<-[:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
             UNION ALL MATCH (n)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
             UNION ALL MATCH (n)-[:LEGAL_REP_OF]->(:Organization)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
             UNION ALL MATCH (n)-[:LEGAL_REP_OF]->(:Organization)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
           }
           WITH sp WHERE ($regions IS NULL OR any(sr IN $regions WHERE coalesce(sp.region, '') STARTS WITH sr)) AND ($sectors IS NULL OR sp.sector IN $sectors)
           RETURN sp
         })
  END
WITH n, p, rank, score
ORDER BY rank, score DESC, n.id
WITH collect({
  id: n.id,
  label: [l IN labels(n) WHERE l IN ['Organization', 'Person', 'Expert', 'Project', 'Lot']][0],
  name: CASE WHEN n:Lot THEN trim(coalesce(p.name, '') + ' ' + coalesce(n.name, ''))
        ELSE coalesce(n.name, COLLECT { MATCH (n:Expert)-[:IS_PERSON]->(ep:Person) RETURN ep.name LIMIT 1 }[0], n.id) END,
  region: CASE WHEN n:Person THEN null ELSE p.region END,
  risk: n.risk
}) AS found
RETURN found[0..$limit] AS items, size(found) AS total
