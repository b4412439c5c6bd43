// Un-marks a benign value. Parameters: $kind, $value. Returns: removed.
MATCH (v:BenignValue {kind: $kind, value: $value})
DELETE v
RETURN count(*) AS removed
