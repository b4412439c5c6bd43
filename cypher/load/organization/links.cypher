// Links organizations to their phones, e-mails, address, bank accounts and legal representative,
// and to sanctions loaded before them. Shared values and placeholders exist already.
// Parameters: $rows [{id, phones[], emails[], address[], accounts[], legal_rep[]}]. Returns: nothing.
UNWIND $rows AS r
MATCH (o:Organization {id: r.id})
CALL (o, r) { UNWIND r.phones AS v MATCH (x:Phone {value: v}) CREATE (o)-[:HAS_PHONE]->(x) }
CALL (o, r) { UNWIND r.emails AS v MATCH (x:Email {value: v}) CREATE (o)-[:HAS_EMAIL]->(x) }
CALL (o, r) { UNWIND r.address AS v MATCH (x:Address {value: v}) CREATE (o)-[:LOCATED_AT]->(x) }
CALL (o, r) { UNWIND r.accounts AS v MATCH (x:BankAccount {value: v}) CREATE (o)-[:HOLDS_ACCOUNT]->(x) }
CALL (o, r) { UNWIND r.legal_rep AS v MATCH (p:Person {id: v}) MERGE (p)-[:LEGAL_REP_OF]->(o) }
CALL (o) { MATCH (s:Sanction {entity: o.id}) MERGE (o)-[:SANCTIONED]->(s) }
