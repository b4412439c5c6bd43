// Upserts evaluation scores: (Expert)-[:SCORED {lot, criterion, score}]->(Organization), one
// relationship per expert, bidder, lot and criterion. Parameters: $rows [{lot, expert, bidder,
// criterion, props}], $load. Returns: changed (rows whose score, time or extra fields differ).
UNWIND $rows AS r
MERGE (e:Expert {id: r.expert}) ON CREATE SET e.placeholder = true, e.load_id = $load
MERGE (o:Organization {id: r.bidder}) ON CREATE SET o.placeholder = true, o.load_id = $load
MERGE (l:Lot {id: r.lot}) ON CREATE SET l.placeholder = true, l.load_id = $load
MERGE (e)-[s:SCORED {lot: r.lot, criterion: r.criterion}]->(o)
WITH s, r WHERE s.rec_hash IS NULL OR s.rec_hash <> r.hash
SET s = r.props, s.lot = r.lot, s.criterion = r.criterion, s.rec_hash = r.hash, s.load_id = $load
RETURN count(s) AS changed
