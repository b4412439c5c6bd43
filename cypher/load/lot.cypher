// Upserts lots (标段) under their project; the project becomes a placeholder if not loaded yet.
// Parameters: $rows [{id, hash, props, project}], $load. Returns: changed.
UNWIND $rows AS r
MERGE (l:Lot {id: r.id})
WITH l, r WHERE l.rec_hash IS NULL OR l.rec_hash <> r.hash
OPTIONAL MATCH (:Project)-[old:HAS_LOT]->(l)
DELETE old
WITH DISTINCT l, r, coalesce(l.first_load_id, $load) AS firstLoad
SET l = r.props, l.rec_hash = r.hash, l.load_id = $load, l.first_load_id = firstLoad
MERGE (p:Project {id: r.project}) ON CREATE SET p.placeholder = true, p.load_id = $load
CREATE (p)-[:HAS_LOT]->(l)
RETURN count(l) AS changed
