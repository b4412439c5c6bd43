// Upserts sanctions of the credit platform (信用中国 and sector regulators) and joins them to the
// organisation, person or expert they name, if loaded; entities loaded later join on arrival.
// Parameters: $rows [{id, hash, entity, props}], $load. Returns: changed.
UNWIND $rows AS r
MERGE (s:Sanction {id: r.id})
WITH s, r WHERE s.rec_hash IS NULL OR s.rec_hash <> r.hash
OPTIONAL MATCH ()-[old:SANCTIONED]->(s)
DELETE old
WITH DISTINCT s, r, coalesce(s.first_load_id, $load) AS firstLoad
SET s = r.props, s.rec_hash = r.hash, s.load_id = $load, s.first_load_id = firstLoad
WITH s, r
CALL (r) {
  MATCH (x:Organization {id: r.entity}) RETURN x
  UNION
  MATCH (x:Person {id: r.entity}) RETURN x
  UNION
  MATCH (x:Expert {id: r.entity}) RETURN x
}
WITH s, collect(x) AS entities
FOREACH (x IN entities | MERGE (x)-[:SANCTIONED]->(s))
RETURN count(s) AS changed
