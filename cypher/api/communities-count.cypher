// How many active communities lie wholly in the caller's jurisdiction with at least $minScore (the
// `total` of a page); the same conditions as communities.cypher without the cursor.
// Parameters: $regions, $sectors, $minScore. Returns: total.
MATCH (k:Community)
WHERE k.active = true
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(k.jurisdictions, [])) > 0 AND all(j IN k.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
  AND k.score >= $minScore
RETURN count(k) AS total
