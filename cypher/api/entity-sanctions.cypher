// The credit-platform sanctions (信用平台: 失信, 取消投标资格, 政府采购禁入, …) on one organisation,
// person or expert, when the entity lies in the caller's jurisdiction (else no row: the API
// answers 404, as for an unknown id). Besides the entity's own records: for an expert, those of
// its person; for an organisation, those of its legal representative (the debarred-bidder
// detector reads both). Jurisdiction: the same subquery as entity.cypher.
// Parameters: $id, $regions, $sectors.
// Returns: id, sanctions [{via: 'self' | 'person' | 'legal_rep', holder, sanction (all properties)}]
// newest first, each once (a legal representative may be linked by the record and by a tie).
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
RETURN n.id AS id,
       COLLECT {
         CALL (n) {
           MATCH (n)-[:SANCTIONED]->(s:Sanction) RETURN 'self' AS via, n.id AS holder, s
           UNION ALL
           MATCH (n:Expert)-[:IS_PERSON]->(p:Person)-[:SANCTIONED]->(s:Sanction) RETURN 'person' AS via, p.id AS holder, s
           UNION ALL
           MATCH (n:Organization)<-[:LEGAL_REP_OF]-(p:Person)-[:SANCTIONED]->(s:Sanction) RETURN 'legal_rep' AS via, p.id AS holder, s
         }
         WITH DISTINCT via, holder, s
         RETURN {via: via, holder: holder, sanction: properties(s)} ORDER BY coalesce(s.date, '') DESC, s.id
       } AS sanctions
