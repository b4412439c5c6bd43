// The latest scoring run. Parameters: none. Returns: id, started (ISO time) or no row.
MATCH (r:ScoringRun)
RETURN r.id AS id, r.started_at AS started
ORDER BY r.started_at DESC LIMIT 1
