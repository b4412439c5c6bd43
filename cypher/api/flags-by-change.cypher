// One page of flags in the caller's jurisdiction in the order they last changed (new, rescored,
// triaged or retired), oldest first: what an early-warning system polls with `since`, and what
// the SSE feed replays. feed_key is "changed_at|id" (fixed-width ISO times), indexed, so the
// order and the cursor come from the index. Jurisdiction and filters as in flags-by-score.cypher.
// Parameters: $regions, $sectors, $detector, $minScore, $severity, $status, $region, $sector,
// $since, $after ([changed_at, id] of the previous page's last flag, or null), $limit.
// Returns: flag (all properties), up to $limit rows.
MATCH (x:Flag)
WHERE x.feed_key >= coalesce($since, '')
  AND ($after IS NULL OR x.feed_key > $after[0] + '|' + $after[1])
  AND (($status IS NULL AND (x.active = true OR $since IS NOT NULL)) OR x.status = $status)
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
  AND ($detector IS NULL OR x.detector = $detector)
  AND x.score >= $minScore
  AND ($severity IS NULL OR x.severity = $severity)
  AND ($region IS NULL OR any(j IN x.jurisdictions WHERE j STARTS WITH $region))
  AND ($sector IS NULL OR any(j IN x.jurisdictions WHERE j ENDS WITH '|' + $sector))
RETURN properties(x) AS flag
ORDER BY x.feed_key
LIMIT $limit
