// Links persons to their phones, e-mails, address, qualification certificates (e.g. 建造师
// numbers) and employer, and to sanctions loaded before them.
// Parameters: $rows [{id, phones[], emails[], address[], qualifications[], employer[]}]. Returns: nothing.
UNWIND $rows AS r
MATCH (p:Person {id: r.id})
CALL (p, r) { UNWIND r.phones AS v MATCH (x:Phone {value: v}) CREATE (p)-[:HAS_PHONE]->(x) }
CALL (p, r) { UNWIND r.emails AS v MATCH (x:Email {value: v}) CREATE (p)-[:HAS_EMAIL]->(x) }
CALL (p, r) { UNWIND r.address AS v MATCH (x:Address {value: v}) CREATE (p)-[:LOCATED_AT]->(x) }
CALL (p, r) { UNWIND r.qualifications AS v MATCH (x:Qualification {value: v}) CREATE (p)-[:HOLDS_QUALIFICATION]->(x) }
CALL (p, r) { UNWIND r.employer AS v MATCH (o:Organization {id: v}) CREATE (p)-[:EMPLOYED_BY]->(o) }
CALL (p) { MATCH (s:Sanction {entity: p.id}) MERGE (p)-[:SANCTIONED]->(s) }
