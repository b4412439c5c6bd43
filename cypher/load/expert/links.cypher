// Links experts to the person behind them, current and former employers, phones and address,
// and to sanctions loaded before them (e.g. 取消评标专家资格).
// Parameters: $rows [{id, person[], employer[], former[], phones[], address[]}]. Returns: nothing.
UNWIND $rows AS r
MATCH (e:Expert {id: r.id})
CALL (e, r) { UNWIND r.person AS v MATCH (p:Person {id: v}) CREATE (e)-[:IS_PERSON]->(p) }
CALL (e, r) { UNWIND r.employer AS v MATCH (o:Organization {id: v}) CREATE (e)-[:EMPLOYED_BY]->(o) }
CALL (e, r) { UNWIND r.former AS v MATCH (o:Organization {id: v}) CREATE (e)-[:FORMERLY_EMPLOYED_BY]->(o) }
CALL (e, r) { UNWIND r.phones AS v MATCH (x:Phone {value: v}) CREATE (e)-[:HAS_PHONE]->(x) }
CALL (e, r) { UNWIND r.address AS v MATCH (x:Address {value: v}) CREATE (e)-[:LOCATED_AT]->(x) }
CALL (e) { MATCH (s:Sanction {entity: e.id}) MERGE (e)-[:SANCTIONED]->(s) }
