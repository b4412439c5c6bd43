// Upserts organizations with their phones, e-mails, address, bank accounts and legal
// representative, and joins sanctions loaded before them. A record whose content hash is
// unchanged is skipped; a changed one replaces the relationships its fields define.
// Parameters: $rows [{id, hash, props, phones[], emails[], address[], accounts[], legal_rep[]}],
// $load (LoadBatch id). Returns: changed (records new or changed).
UNWIND $rows AS r
MERGE (o:Organization {id: r.id})
WITH o, r WHERE o.rec_hash IS NULL OR o.rec_hash <> r.hash
OPTIONAL MATCH (o)-[old:HAS_PHONE|HAS_EMAIL|LOCATED_AT|HOLDS_ACCOUNT]->()
DELETE old
WITH DISTINCT o, r
OPTIONAL MATCH (:Person)-[oldRep:LEGAL_REP_OF]->(o) WHERE oldRep.tie IS NULL
DELETE oldRep
WITH DISTINCT o, r, coalesce(o.first_load_id, $load) AS firstLoad
SET o = r.props, o.rec_hash = r.hash, o.load_id = $load, o.first_load_id = firstLoad
FOREACH (v IN r.phones | MERGE (x:Phone {value: v}) ON CREATE SET x.load_id = $load CREATE (o)-[:HAS_PHONE]->(x))
FOREACH (v IN r.emails | MERGE (x:Email {value: v}) ON CREATE SET x.load_id = $load CREATE (o)-[:HAS_EMAIL]->(x))
FOREACH (v IN r.address | MERGE (x:Address {value: v}) ON CREATE SET x.load_id = $load CREATE (o)-[:LOCATED_AT]->(x))
FOREACH (v IN r.accounts |
  MERGE (x:BankAccount {value: v}) ON CREATE SET x.load_id = $load
  CREATE (o)-[:HOLDS_ACCOUNT]->(x))
FOREACH (v IN r.legal_rep |
  MERGE (p:Person {id: v}) ON CREATE SET p.placeholder = true, p.load_id = $load
  MERGE (p)-[:LEGAL_REP_OF]->(o))
WITH o
OPTIONAL MATCH (s:Sanction {entity: o.id})
FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | MERGE (o)-[:SANCTIONED]->(x))
RETURN count(DISTINCT o) AS changed
