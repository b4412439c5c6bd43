// Records a scoring run (mode, times, counts, phase durations as JSON text, and the content hash
// of the detector settings it ran with, engine/settings.ts settingsHash).
// Parameters: $id, $mode, $started, $finished, $flags, $lots, $retired, $phases, $settingsHash. Returns: id.
CREATE (r:ScoringRun {id: $id, mode: $mode, started_at: $started, finished_at: $finished,
                      flags: $flags, lots: $lots, retired: $retired, phases: $phases,
                      settings_hash: $settingsHash})
RETURN r.id AS id
