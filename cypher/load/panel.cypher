// Sets a lot's evaluation panel (评标委员会): (Expert)-[:SAT_ON {chair, drawn_at}]->(Lot); the
// lot and experts exist already (placeholders if not loaded yet). Experts no longer listed lose
// their seat. Parameters: $rows [{lot, experts[], chair, hash, props}], $load. Returns: changed.
UNWIND $rows AS r
MATCH (l:Lot {id: r.lot})
WITH l, r WHERE l.panel_hash IS NULL OR l.panel_hash <> r.hash
OPTIONAL MATCH (:Expert)-[old:SAT_ON]->(l)
DELETE old
WITH DISTINCT l, r
SET l.panel_hash = r.hash, l.panel_load_id = $load
WITH l, r
CALL (l, r) {
  UNWIND r.experts AS v
  MATCH (e:Expert {id: v})
  CREATE (e)-[s:SAT_ON]->(l)
  SET s = r.props, s.chair = (v = r.chair), s.load_id = $load
}
RETURN count(l) AS changed
