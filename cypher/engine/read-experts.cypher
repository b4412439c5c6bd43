// Experts for the engine's projection. Parameters: none.
MATCH (e:Expert)
RETURN e.id AS id, e.name AS name, e.person AS person, e.employer AS employer,
       coalesce(e.former_employers, []) AS formerEmployers, e.region AS region,
       [(e)-[:LOCATED_AT]->(a) | a.value][0] AS address,
       [(e)-[:HAS_PHONE]->(x) | x.value] AS phones
