// Values operators marked benign (collusion benign add), which weigh nothing as evidence.
// Parameters: none.
MATCH (v:BenignValue)
RETURN v.kind AS kind, v.value AS value, v.note AS note
