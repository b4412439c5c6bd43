// One flag, active or not, when it lies in the caller's jurisdiction (else no row: the API then
// answers 404, as for an id that does not exist). Parameters: $id, $regions, $sectors.
// Returns: flag (all properties).
MATCH (x:Flag {id: $id})
WHERE ($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s))))
RETURN properties(x) AS flag
