// The other active flags on a case file's lots (案卷: what else the engine found where the flag's or
// community's bidders met), found from each lot by id through INVOLVES, in the caller's
// jurisdiction only (the test of flag.cypher).
// Parameters: $lots [id], $except (a flag id or null), $regions, $sectors.
// Returns: flags [{id, detector, score, severity, status, summary, lots}] by score.
RETURN COLLECT {
  UNWIND $lots AS lotId
  MATCH (:Lot {id: lotId})<-[:INVOLVES]-(x:Flag)
  WITH DISTINCT x
  WHERE x.active = true AND ($except IS NULL OR x.id <> $except)
    AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
         ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
  RETURN x {.id, .detector, .score, .severity, .status, .summary, .lots} AS f ORDER BY f.score DESC, f.id
} AS flags
