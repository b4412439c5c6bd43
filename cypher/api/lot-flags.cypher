// Flags, active or triaged, that rest on any of $lots and lie wholly in the caller's jurisdiction,
// highest score first. Parameters: $lots, $regions, $sectors. Returns: flag (all properties).
MATCH (l:Lot) WHERE l.id IN $lots
MATCH (x:Flag)-[:INVOLVES]->(l)
WITH DISTINCT x
WHERE (x.active = true OR x.status IN ['confirmed', 'dismissed', 'benign'])
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
RETURN properties(x) AS flag
ORDER BY x.score DESC, x.id
