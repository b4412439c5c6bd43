// Records a person's triage of a flag: its status (open, confirmed, dismissed, benign), who, when
// and why, appended to the flag's triage log; the shared values it cites are kept with it so the
// next rescoring can weigh them down (dismissed) or not at all (benign). A retired flag keeps its
// triage and stays inactive. Parameters: $id, $status, $note, $by, $now, $values (["kind=value"]),
// $entry (JSON text of the log entry). The weights of shared values change with it, so the next
// rescoring is full. Returns: flag (all properties) or nothing when no such flag.
MATCH (x:Flag {id: $id})
SET x.status = $status,
    x.triage_note = $note,
    x.triaged_by = $by,
    x.triaged_at = $now,
    x.triage_values = $values,
    x.triage_log = coalesce(x.triage_log, []) + $entry,
    x.changed_at = $now,
    x.feed_key = $now + '|' + x.id
MERGE (s:EngineState {id: 'weights'})
SET s.changed_at = $now
RETURN properties(x) AS flag
