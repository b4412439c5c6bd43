// Writes the flags of a scoring run: a flag keeps its id (and first_seen, status and triage)
// across runs; changed_at moves when its score or evidence changes (the early-warning feed reads
// it, in the order of feed_key = "changed_at|id"); it is linked to the organisations, persons,
// experts and lot it involves.
// jurisdictions are the "region|sector" of its lots' projects, which keep API keys to their remit.
// Parameters: $flags [{id, detector, score, severity, lot, project, lots[], jurisdictions[], entities[], bids[],
// basis, summary, evidence (JSON text), hash}], $run, $now. Returns: written, changed.
UNWIND $flags AS f
MERGE (x:Flag {id: f.id})
ON CREATE SET x.first_seen = $now, x.status = 'open', x.changed_at = $now
WITH x, f, coalesce(x.hash, '') <> f.hash OR x.active = false AS changed
SET x.detector = f.detector, x.score = f.score, x.severity = f.severity, x.lot = f.lot, x.project = f.project,
    x.lots = f.lots, x.jurisdictions = f.jurisdictions, x.entities = f.entities, x.bids = f.bids, x.basis = f.basis, x.summary = f.summary,
    x.evidence = f.evidence, x.hash = f.hash, x.last_seen = $now, x.run_id = $run, x.active = true,
    x.retired_at = null,
    x.status = CASE WHEN x.status = 'retired' THEN 'open' ELSE x.status END,
    x.changed_at = CASE WHEN changed THEN $now ELSE x.changed_at END
SET x.feed_key = x.changed_at + '|' + x.id
WITH x, f, changed
CALL (x, f) { UNWIND f.entities AS id MATCH (n:Organization {id: id}) MERGE (x)-[:INVOLVES]->(n) }
CALL (x, f) { UNWIND f.entities AS id MATCH (n:Person {id: id}) MERGE (x)-[:INVOLVES]->(n) }
CALL (x, f) { UNWIND f.entities AS id MATCH (n:Expert {id: id}) MERGE (x)-[:INVOLVES]->(n) }
CALL (x, f) { UNWIND f.lots AS id MATCH (n:Lot {id: id}) MERGE (x)-[:INVOLVES]->(n) }
RETURN count(x) AS written, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed
