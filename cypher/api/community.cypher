// One active community when it lies wholly in the caller's jurisdiction (as in communities.cypher;
// else no row: the API answers 404, as for an unknown id): its members (in scope, as defined in
// entity.cypher) with name and risk, its
// active cartel-community flag (the flag whose entities are exactly the members) when the flag
// is in scope too, and the lots where two or more members bid, restricted to lots of in-scope
// projects, first $lots by id, each with its project, risk, winner and the members who bid.
// Parameters: $id, $lots, $regions, $sectors.
// Returns: community (all properties), members [{id, name, region, kind, risk}], flag (all
// properties, or null), lots [{id, name, project, project_name, region, sector, risk, winner,
// members}], lot_count.
MATCH (k:Community {id: $id})
WHERE k.active = true
  AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(k.jurisdictions, [])) > 0 AND all(j IN k.jurisdictions WHERE
        ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
WITH k, COLLECT {
  MATCH (k)<-[:MEMBER_OF]-(o:Organization)-[:PLACED]->(:Bid)-[:FOR]->(l:Lot)<-[:HAS_LOT]-(p:Project)
  WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors)
  WITH l, p, collect(DISTINCT o.id) AS who
  WHERE size(who) >= 2
  RETURN {l: l, p: p, who: who} ORDER BY l.id
} AS met
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
         RETURN o {.id, name: coalesce(o.name, o.id), .region, .kind, .risk} ORDER BY o.id
       } AS members,
       COLLECT {
         MATCH (k)<-[:MEMBER_OF]-(:Organization)<-[:INVOLVES]-(x:Flag {detector: 'cartel-community'})
         WITH DISTINCT x
         WHERE x.active = true
           AND size(x.entities) = size(k.members) AND all(m IN k.members WHERE m IN x.entities)
           AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
                ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
         RETURN properties(x) ORDER BY x.score DESC, x.id LIMIT 1
       }[0] AS flag,
       [m IN met[0..$lots] | {
         id: m.l.id,
         name: m.l.name,
         project: m.p.id,
         project_name: m.p.name,
         region: m.p.region,
         sector: m.p.sector,
         risk: m.l.risk,
         winner: COLLECT { WITH m.l AS l MATCH (w:Organization)-[:PLACED]->(b:Bid {won: true})-[:FOR]->(l) RETURN w.id ORDER BY w.id LIMIT 1 }[0],
         members: m.who
       }] AS lots,
       size(met) AS lot_count
