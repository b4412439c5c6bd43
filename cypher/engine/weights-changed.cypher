// When operators last changed what shared values weigh (benign list, triage). A change after the
// last scoring run makes the next rescoring full: the value may be shared in any lot.
// Parameters: none. Returns: changed (ISO time) or no row.
MATCH (s:EngineState {id: 'weights'})
WHERE s.changed_at IS NOT NULL
RETURN s.changed_at AS changed
