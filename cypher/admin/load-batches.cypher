// The provenance records of past loads, newest first. Parameters: none.
// Returns: batch (all LoadBatch properties).
MATCH (b:LoadBatch)
RETURN properties(b) AS batch
ORDER BY b.started_at DESC
