// Upserts persons (ID numbers arrive only as a keyed hash in props.id_hash) with their phones,
// e-mails, address, employer and qualification certificates (e.g. 建造师 numbers).
// Parameters: $rows [{id, hash, props, phones[], emails[], address[], employer[], qualifications[]}],
// $load. Returns: changed.
UNWIND $rows AS r
MERGE (p:Person {id: r.id})
WITH p, r WHERE p.rec_hash IS NULL OR p.rec_hash <> r.hash
OPTIONAL MATCH (p)-[old:HAS_PHONE|HAS_EMAIL|LOCATED_AT|HOLDS_QUALIFICATION|EMPLOYED_BY]->()
WHERE old.tie IS NULL
DELETE old
WITH DISTINCT p, r, coalesce(p.first_load_id, $load) AS firstLoad
SET p = r.props, p.rec_hash = r.hash, p.load_id = $load, p.first_load_id = firstLoad
FOREACH (v IN r.phones | MERGE (x:Phone {value: v}) ON CREATE SET x.load_id = $load CREATE (p)-[:HAS_PHONE]->(x))
FOREACH (v IN r.emails | MERGE (x:Email {value: v}) ON CREATE SET x.load_id = $load CREATE (p)-[:HAS_EMAIL]->(x))
FOREACH (v IN r.address | MERGE (x:Address {value: v}) ON CREATE SET x.load_id = $load CREATE (p)-[:LOCATED_AT]->(x))
FOREACH (v IN r.qualifications |
  MERGE (x:Qualification {value: v}) ON CREATE SET x.load_id = $load
  CREATE (p)-[:HOLDS_QUALIFICATION]->(x))
FOREACH (v IN r.employer |
  MERGE (o:Organization {id: v}) ON CREATE SET o.placeholder = true, o.load_id = $load
  CREATE (p)-[:EMPLOYED_BY]->(o))
WITH p
OPTIONAL MATCH (s:Sanction {entity: p.id})
FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | MERGE (p)-[:SANCTIONED]->(x))
RETURN count(DISTINCT p) AS changed
