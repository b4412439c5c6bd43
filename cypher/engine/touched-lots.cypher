// Lots touched by loads finished since a time (incremental rescoring): lots written, lots of bids
// written, lots of projects written. Parameters: $since (ISO time). Returns: lot.
MATCH (b:LoadBatch) WHERE b.finished_at >= $since
WITH collect(b.id) AS loads
CALL (loads) {
  MATCH (l:Lot) WHERE l.load_id IN loads OR l.panel_load_id IN loads RETURN l.id AS lot
  UNION
  MATCH (x:Bid) WHERE x.load_id IN loads RETURN x.lot AS lot
  UNION
  MATCH (p:Project)-[:HAS_LOT]->(l:Lot) WHERE p.load_id IN loads RETURN l.id AS lot
}
RETURN lot
