// Writes every scored lot's risk (risk in [0, 1], risk_components as JSON text).
// Parameters: $rows [{lot, score, components}], $run. Returns: written.
UNWIND $rows AS r
MATCH (l:Lot {id: r.lot})
SET l.risk = r.score, l.risk_components = r.components, l.risk_run = $run
RETURN count(l) AS written
