// One delivery batch of a webhook: flags changed after its cursor (new, rescored, triaged or
// retired), in its key's jurisdiction and its filters, in the order they changed.
// Parameters: $regions, $sectors (the key's jurisdiction, null = all), $minScore,
// $detectors (list or null = all), $after ([changed_at, id] of the last flag delivered), $limit.
// Returns: flag (all properties), up to $limit rows.
MATCH (x:Flag)
WHERE x.feed_key > $after[0] + '|' + $after[1]
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
  AND ($detectors IS NULL OR x.detector IN $detectors)
  AND x.score >= $minScore
RETURN properties(x) AS flag
ORDER BY x.feed_key
LIMIT $limit
