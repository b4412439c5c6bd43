// Active flags, highest score first, optionally filtered by detector and minimum score.
// Parameters: $detector (or null), $minScore. Returns: flag (all properties).
MATCH (x:Flag)
WHERE x.active = true AND ($detector IS NULL OR x.detector = $detector) AND x.score >= $minScore
RETURN properties(x) AS flag
ORDER BY x.score DESC, x.id
