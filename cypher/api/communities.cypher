// One page of active bidder communities (Louvain on the co-bidding graph) that lie wholly in the
// caller's jurisdiction: every "region|sector" of k.jurisdictions (the lots where members met)
// starts with one of $regions and ends with one of $sectors (null = unrestricted); highest score
// first, ties by id. Parameters: $regions, $sectors, $minScore, $after ([score, id] of the previous
// page's last community, or null), $limit. Returns: community (all properties), members (ids of
// its members in the jurisdiction as defined in entity.cypher: by construction all of them), up to
// $limit rows.
MATCH (k:Community)
WHERE k.active = true
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(k.jurisdictions, [])) > 0 AND all(j IN k.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
  AND k.score >= $minScore
  AND ($after IS NULL OR k.score < $after[0] OR (k.score = $after[0] AND k.id > $after[1]))
RETURN properties(k) AS community,
       COLLECT {
         MATCH (o:Organization)-[:MEMBER_OF]->(k)
         WHERE (($regions IS NULL AND $sectors IS NULL) OR EXISTS {
                 CALL (o) {
                   MATCH (o)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (o)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
                   UNION ALL MATCH (o)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (o)<-[:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (o)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (o)-[:LEGAL_REP_OF]->(:Organization)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (o)-[:LEGAL_REP_OF]->(:Organization)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
                 }
                 WITH sp WHERE ($regions IS NULL OR any(sr IN $regions WHERE coalesce(sp.region, '') STARTS WITH sr)) AND ($sectors IS NULL OR sp.sector IN $sectors)
                 RETURN sp
               })
         RETURN o.id ORDER BY o.id
       } AS members
ORDER BY k.score DESC, k.id
LIMIT $limit
