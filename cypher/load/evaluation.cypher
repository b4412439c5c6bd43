// Upserts evaluation scores: (Expert)-[:SCORED {lot, criterion, score}]->(Organization), one
// relationship per expert, bidder, lot and criterion; the expert, bidder and lot exist already
// (placeholders if not loaded yet). Parameters: $rows [{lot, expert, bidder, criterion, hash,
// props}], $load. Returns: changed (rows whose score, time or extra fields differ).
UNWIND $rows AS r
MATCH (e:Expert {id: r.expert})
MATCH (o:Organization {id: r.bidder})
MERGE (e)-[s:SCORED {lot: r.lot, criterion: r.criterion}]->(o)
WITH s, r WHERE s.rec_hash IS NULL OR s.rec_hash <> r.hash
SET s = r.props, s.lot = r.lot, s.criterion = r.criterion, s.rec_hash = r.hash, s.load_id = $load
RETURN count(s) AS changed
