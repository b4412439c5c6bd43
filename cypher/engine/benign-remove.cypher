// Un-marks a benign value; the next rescoring is full, since the value may be shared in any lot.
// Parameters: $kind, $value, $now. Returns: removed.
OPTIONAL MATCH (v:BenignValue {kind: $kind, value: $value})
WITH v, count(v) AS removed
DETACH DELETE v
WITH max(removed) AS removed
MERGE (s:EngineState {id: 'weights'})
SET s.changed_at = CASE WHEN removed > 0 THEN $now ELSE s.changed_at END
RETURN removed
