// For the SSE feed: how many flags in the caller's jurisdiction (and the feed's filters) changed
// exactly at $at, and how many later. The feed compares the first with the flags it has sent
// for that instant (a rescoring stamps all its flags with one time, over several transactions),
// and asks for the flags themselves (flags-by-change.cypher) only when something is new.
// Parameters: $regions, $sectors, $detector, $minScore, $at (ISO time). Returns: at, later.
MATCH (x:Flag)
WHERE x.changed_at >= $at
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
  AND ($detector IS NULL OR x.detector = $detector)
  AND x.score >= $minScore
RETURN sum(CASE WHEN x.changed_at = $at THEN 1 ELSE 0 END) AS at, sum(CASE WHEN x.changed_at > $at THEN 1 ELSE 0 END) AS later
