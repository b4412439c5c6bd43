// Persons for the engine's projection (ID numbers only as id_hash). Parameters: none.
MATCH (p:Person)
RETURN p.id AS id, p.name AS name, p.id_hash AS idHash, p.employer AS employer,
       [(p)-[:LOCATED_AT]->(a) | a.value][0] AS address,
       [(p)-[:HAS_PHONE]->(x) | x.value] AS phones
