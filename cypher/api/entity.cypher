// One organisation, person or expert by its input-data id, when it lies in the caller's
// jurisdiction (else no row: the API answers 404, as for an unknown id), with its communities,
// counts and in-scope projects. Its flags come from entity-flags.cypher.
//
// Entity jurisdiction (the same in every statement of cypher/api/ that shows entities): a project
// p is in scope when ($regions IS NULL OR p.region starts with one of $regions) AND ($sectors IS
// NULL OR p.sector IN $sectors). An Organization is in scope when it PLACED a Bid FOR a Lot of an
// in-scope project, or TENDERED / is AGENT_FOR / SUPERVISES an in-scope project; an Expert when it
// SAT_ON a lot of an in-scope project; a Person when it is the CONTACT_PERSON / PROJECT_MANAGER /
// AGENT_PERSON of a bid on such a lot, IS_PERSON of an in-scope expert, or LEGAL_REP_OF an in-scope
// organisation. With $regions and $sectors both null everything is in scope. Every statement
// writes it as the same subquery: the projects an entity reaches by those seven patterns
// (UNION ALL), at least one of them in scope.
//
// Parameters: $id, $regions, $sectors.
// Returns: label, entity (all properties), hidden_refs (ids of tied entities outside the
// jurisdiction, e.g. a person's employer, which the API removes from the properties), name (an
// expert's is its person's), communities [{id, score, size}] (active, wholly in
// scope), projects (first 50 by id: {id, name, region, sector, roles, bids, wins}), counts {bids,
// wins, panels, projects, flags} (in scope only).
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
WITH n, COLLECT {
  CALL (n) {
    MATCH (n:Organization)-[:PLACED]->(b:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(p:Project)
    RETURN p, 'bidder' AS role, b
    UNION ALL
    MATCH (n:Organization)-[r:TENDERED|AGENT_FOR|SUPERVISES]->(p:Project)
    RETURN p, CASE type(r) WHEN 'TENDERED' THEN 'tenderer' WHEN 'AGENT_FOR' THEN 'agent' ELSE 'supervisor' END AS role, null AS b
    UNION ALL
    MATCH (n:Person)<-[r:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(b:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(p:Project)
    RETURN p, toLower(type(r)) AS role, b
    UNION ALL
    MATCH (n:Person)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(p:Project)
    RETURN p, 'expert' AS role, null AS b
    UNION ALL
    MATCH (n:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(p:Project)
    RETURN p, 'expert' AS role, null AS b
  }
  WITH p, role, b
  WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors)
  WITH p, collect(DISTINCT role) AS roles, count(DISTINCT b) AS bids, count(DISTINCT CASE WHEN b.won = true THEN b END) AS wins
  ORDER BY p.id
  RETURN {id: p.id, name: p.name, region: p.region, sector: p.sector, roles: roles, bids: bids, wins: wins}
} AS projects
RETURN [l IN labels(n) WHERE l IN ['Organization', 'Person', 'Expert']][0] AS label,
       properties(n) AS entity,
       COLLECT {
         MATCH (n)-[:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF|EMPLOYED_BY|FORMERLY_EMPLOYED_BY|RELATIVE_OF|PARENT_COMPANY_OF|SAME_CONTROLLER_AS|SUPERVISES|TIE|IS_PERSON]-(e)
         WHERE (e:Organization OR e:Person OR e:Expert)
           AND NOT (($regions IS NULL AND $sectors IS NULL) OR EXISTS {
                 CALL (e) {
                   MATCH (e)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (e)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
                   UNION ALL MATCH (e)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (e)<-[:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (e)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (e)-[:LEGAL_REP_OF]->(:Organization)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                   UNION ALL MATCH (e)-[:LEGAL_REP_OF]->(:Organization)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
                 }
                 WITH sp WHERE ($regions IS NULL OR any(sr IN $regions WHERE coalesce(sp.region, '') STARTS WITH sr)) AND ($sectors IS NULL OR sp.sector IN $sectors)
                 RETURN sp
               })
         RETURN DISTINCT e.id
       } AS hidden_refs,
       coalesce(n.name, COLLECT { MATCH (n:Expert)-[:IS_PERSON]->(ep:Person) RETURN ep.name LIMIT 1 }[0], n.id) AS name,
       COLLECT {
         MATCH (n)-[:MEMBER_OF]->(k:Community)
         WHERE k.active = true
           AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(k.jurisdictions, [])) > 0 AND all(j IN k.jurisdictions WHERE
                ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
         RETURN k {.id, .score, .size} ORDER BY k.score DESC, k.id
       } AS communities,
       projects[0..50] AS projects,
       {
         bids: reduce(t = 0, x IN projects | t + x.bids),
         wins: reduce(t = 0, x IN projects | t + x.wins),
         panels: COUNT {
           MATCH (n)<-[:IS_PERSON*0..1]-(:Expert)-[:SAT_ON]->(l:Lot)<-[:HAS_LOT]-(p:Project)
           WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors)
           RETURN DISTINCT l
         },
         projects: size(projects),
         flags: COUNT {
           MATCH (x:Flag)-[:INVOLVES]->(n)
           WHERE x.active = true
             AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(x.jurisdictions, [])) > 0 AND all(j IN x.jurisdictions WHERE
                  ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
         }
       } AS counts
