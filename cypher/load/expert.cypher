// Upserts experts of the expert database (评标专家库): the person behind the expert, current
// and former employers, phones and address. Panel seats and scores come from panel and
// evaluation records and are left alone here.
// Parameters: $rows [{id, hash, props, person[], employer[], former[], phones[], address[]}], $load.
// Returns: changed.
UNWIND $rows AS r
MERGE (e:Expert {id: r.id})
WITH e, r WHERE e.rec_hash IS NULL OR e.rec_hash <> r.hash
OPTIONAL MATCH (e)-[old:IS_PERSON|EMPLOYED_BY|FORMERLY_EMPLOYED_BY|HAS_PHONE|LOCATED_AT]->()
DELETE old
WITH DISTINCT e, r, coalesce(e.first_load_id, $load) AS firstLoad
SET e = r.props, e.rec_hash = r.hash, e.load_id = $load, e.first_load_id = firstLoad
FOREACH (v IN r.person |
  MERGE (p:Person {id: v}) ON CREATE SET p.placeholder = true, p.load_id = $load
  CREATE (e)-[:IS_PERSON]->(p))
FOREACH (v IN r.employer |
  MERGE (o:Organization {id: v}) ON CREATE SET o.placeholder = true, o.load_id = $load
  CREATE (e)-[:EMPLOYED_BY]->(o))
FOREACH (v IN r.former |
  MERGE (o:Organization {id: v}) ON CREATE SET o.placeholder = true, o.load_id = $load
  CREATE (e)-[:FORMERLY_EMPLOYED_BY]->(o))
FOREACH (v IN r.phones | MERGE (x:Phone {value: v}) ON CREATE SET x.load_id = $load CREATE (e)-[:HAS_PHONE]->(x))
FOREACH (v IN r.address | MERGE (x:Address {value: v}) ON CREATE SET x.load_id = $load CREATE (e)-[:LOCATED_AT]->(x))
WITH e
OPTIONAL MATCH (s:Sanction {entity: e.id})
FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | MERGE (e)-[:SANCTIONED]->(x))
RETURN count(DISTINCT e) AS changed
