// Sets a lot's evaluation panel (评标委员会): (Expert)-[:SAT_ON {chair, drawn_at}]->(Lot).
// Experts no longer listed for the lot lose their seat. Parameters: $rows [{lot, experts[],
// chair, hash, props}], $load. Returns: changed.
UNWIND $rows AS r
MERGE (l:Lot {id: r.lot}) ON CREATE SET l.placeholder = true, l.load_id = $load
WITH l, r WHERE l.panel_hash IS NULL OR l.panel_hash <> r.hash
OPTIONAL MATCH (:Expert)-[old:SAT_ON]->(l)
DELETE old
WITH DISTINCT l, r
SET l.panel_hash = r.hash, l.panel_load_id = $load
FOREACH (v IN r.experts |
  MERGE (e:Expert {id: v}) ON CREATE SET e.placeholder = true, e.load_id = $load
  CREATE (e)-[s:SAT_ON]->(l)
  SET s = r.props, s.chair = (v = r.chair), s.load_id = $load)
RETURN count(l) AS changed
