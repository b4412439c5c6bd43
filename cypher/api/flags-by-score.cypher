// One page of flags in the caller's jurisdiction, highest score first (ties by id). A flag is in a
// jurisdiction when every lot it rests on is: each "region|sector" of x.jurisdictions starts with
// one of $regions and ends with one of $sectors (null = unrestricted).
// Parameters: $regions, $sectors, $detector, $minScore, $severity, $status, $region, $sector,
// $since, $after ([score, id] of the previous page's last flag, or null), $limit.
// Returns: flag (all properties), up to $limit rows.
MATCH (x:Flag)
WHERE (($status IS NULL AND x.active = true) OR x.status = $status)
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
  AND ($detector IS NULL OR x.detector = $detector)
  AND x.score >= $minScore
  AND ($severity IS NULL OR x.severity = $severity)
  AND ($region IS NULL OR any(j IN x.jurisdictions WHERE j STARTS WITH $region))
  AND ($sector IS NULL OR any(j IN x.jurisdictions WHERE j ENDS WITH '|' + $sector))
  AND ($since IS NULL OR x.changed_at >= $since)
  AND ($after IS NULL OR x.score < $after[0] OR (x.score = $after[0] AND x.id > $after[1]))
RETURN properties(x) AS flag
ORDER BY x.score DESC, x.id
LIMIT $limit
