// Marks the shared values a flag cites benign, when a person triages the flag as benign: they weigh
// nothing from the next rescoring on. Parameters: $values [{kind, value}], $note, $flag, $now.
// Returns: marked.
UNWIND $values AS b
MERGE (v:BenignValue {kind: b.kind, value: b.value})
ON CREATE SET v.added_at = $now, v.note = $note, v.flag = $flag
RETURN count(v) AS marked
