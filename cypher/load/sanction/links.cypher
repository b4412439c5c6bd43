// Joins sanctions to the organisation, person or expert they name, if loaded; entities loaded
// later join on arrival. Parameters: $rows [{id, entity}]. Returns: nothing.
UNWIND $rows AS r
MATCH (s:Sanction {id: r.id})
CALL (s, r) { MATCH (x:Organization {id: r.entity}) MERGE (x)-[:SANCTIONED]->(s) }
CALL (s, r) { MATCH (x:Person {id: r.entity}) MERGE (x)-[:SANCTIONED]->(s) }
CALL (s, r) { MATCH (x:Expert {id: r.entity}) MERGE (x)-[:SANCTIONED]->(s) }
