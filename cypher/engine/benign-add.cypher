// Marks a shared value benign (e.g. the trading centre's public terminal IP): it weighs nothing
// as evidence from the next rescoring on, which is full since the value may be shared in any lot.
// Parameters: $kind, $value, $note, $now. Returns: kind, value.
MERGE (v:BenignValue {kind: $kind, value: $value})
ON CREATE SET v.added_at = $now
SET v.note = $note
MERGE (s:EngineState {id: 'weights'})
SET s.changed_at = $now
RETURN v.kind AS kind, v.value AS value
