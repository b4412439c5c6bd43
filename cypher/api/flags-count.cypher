// How many flags match the filters in the caller's jurisdiction (the `total` of a page); the
// same conditions as flags-by-score.cypher and flags-by-change.cypher without the cursor.
// Parameters: $regions, $sectors, $detector, $minScore, $severity, $status, $region, $sector,
// $since. Returns: total.
MATCH (x:Flag)
WHERE (($status IS NULL AND (x.active = true OR $since IS NOT NULL)) OR x.status = $status)
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
  AND ($detector IS NULL OR x.detector = $detector)
  AND x.score >= $minScore
  AND ($severity IS NULL OR x.severity = $severity)
  AND ($region IS NULL OR any(j IN x.jurisdictions WHERE j STARTS WITH $region))
  AND ($sector IS NULL OR any(j IN x.jurisdictions WHERE j ENDS WITH '|' + $sector))
  AND ($since IS NULL OR x.changed_at >= $since)
RETURN count(x) AS total
