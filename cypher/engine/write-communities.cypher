// Writes the communities of a scoring run (Community nodes with their features, members linked by
// MEMBER_OF) and retires the communities of earlier runs that no longer exist.
// Parameters: $communities [{id, score, size, members[], meetings, jurisdictions[] ("region|sector"
// of the lots where members met), features (JSON text)}], $run,
// $now. Returns: written.
MATCH (:Organization)-[old:MEMBER_OF]->(:Community)
DELETE old
WITH count(*) AS _
UNWIND $communities AS c
MERGE (k:Community {id: c.id})
ON CREATE SET k.first_seen = $now
SET k.score = c.score, k.size = c.size, k.members = c.members, k.meetings = c.meetings, k.jurisdictions = c.jurisdictions,
    k.features = c.features, k.last_seen = $now, k.run_id = $run, k.active = true
WITH k, c
CALL (k, c) { UNWIND c.members AS id MATCH (o:Organization {id: id}) CREATE (o)-[:MEMBER_OF]->(k) }
RETURN count(k) AS written
