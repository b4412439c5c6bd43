// The active flags that involve one organisation, person or expert (Flag-[:INVOLVES]->entity)
// and lie wholly in the caller's jurisdiction (every "region|sector" of x.jurisdictions in scope),
// highest score first, at most $limit. The entity's own jurisdiction is checked by entity.cypher.
// Parameters: $id, $limit, $regions, $sectors. Returns: flag (all properties).
CALL () {
  MATCH (n:Organization {id: $id}) RETURN n
  UNION
  MATCH (n:Person {id: $id}) RETURN n
  UNION
  MATCH (n:Expert {id: $id}) RETURN n
}
MATCH (x:Flag)-[:INVOLVES]->(n)
WHERE x.active = true
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
RETURN properties(x) AS flag
ORDER BY x.score DESC, x.id
LIMIT $limit
