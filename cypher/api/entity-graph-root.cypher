// The starting node of an entity graph (GET /entities/:id/graph): the organisation, person or
// expert with input-data id $id when it lies in the caller's jurisdiction (entity jurisdiction as
// defined in entity.cypher), else no row. `eid` is the node's element id, which
// entity-graph-expand.cypher takes to expand from it within the same request.
// Parameters: $id, $regions, $sectors.
// Returns: node {eid, id, label, name, kind, risk, community, bulk}.
CALL () {
  MATCH (n:Organization {id: $id}) RETURN n
  UNION
  MATCH (n:Person {id: $id}) RETURN n
  UNION
  MATCH (n:Expert {id: $id}) RETURN n
}
WITH n
WHERE (($regions IS NULL AND $sectors IS NULL) OR EXISTS {
        CALL (n) {
          MATCH (n)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (n)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
          UNION ALL MATCH (n)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (n)<-[:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (n)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (n)-[:LEGAL_REP_OF]->(:Organization)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (n)-[:LEGAL_REP_OF]->(:Organization)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
        }
        WITH sp WHERE ($regions IS NULL OR any(sr IN $regions WHERE coalesce(sp.region, '') STARTS WITH sr)) AND ($sectors IS NULL OR sp.sector IN $sectors)
        RETURN sp
      })
RETURN {
  eid: elementId(n),
  id: n.id,
  label: [l IN labels(n) WHERE l IN ['Organization', 'Person', 'Expert']][0],
  name: coalesce(n.name, COLLECT { MATCH (n:Expert)-[:IS_PERSON]->(ep:Person) RETURN ep.name LIMIT 1 }[0], n.id),
  kind: n.kind,
  risk: n.risk,
  community: COLLECT {
    MATCH (n)-[:MEMBER_OF]->(k:Community)
    WHERE k.active = true
      AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(k.jurisdictions, [])) > 0 AND all(j IN k.jurisdictions WHERE
           ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
    RETURN k.id ORDER BY k.score DESC, k.id LIMIT 1
  }[0],
  bulk: false
} AS node
