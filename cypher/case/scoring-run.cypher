// The scoring run that last wrote a flag or community of a case file (案卷), by id, and the latest
// run: mode, times, counts and the settings hash it ran with (older runs have none).
// Parameters: $id (run id or null). Returns: run, latest (properties without phases, or null).
RETURN COLLECT {
         MATCH (r:ScoringRun {id: $id})
         RETURN r {.id, .mode, .started_at, .finished_at, .flags, .lots, .settings_hash}
       }[0] AS run,
       COLLECT {
         MATCH (r:ScoringRun)
         RETURN r {.id, .mode, .started_at, .finished_at, .flags, .lots, .settings_hash} AS r
         ORDER BY r.started_at DESC LIMIT 1
       }[0] AS latest
