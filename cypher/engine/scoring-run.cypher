// Records a scoring run (mode, times, counts, phase durations as JSON text).
// Parameters: $id, $mode, $started, $finished, $flags, $lots, $retired, $phases. Returns: id.
CREATE (r:ScoringRun {id: $id, mode: $mode, started_at: $started, finished_at: $finished,
                      flags: $flags, lots: $lots, retired: $retired, phases: $phases})
RETURN r.id AS id
