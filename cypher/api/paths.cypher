// Shortest connections between two organisations, persons or experts (GET /paths), through
// in-scope entities and shared values only: both ends must lie in the caller's jurisdiction
// (entity jurisdiction as defined in entity.cypher), else no row (the API answers 404). A path
// walks ties (LEGAL_REP_OF, SHAREHOLDER_OF, EXECUTIVE_OF, EMPLOYED_BY, FORMERLY_EMPLOYED_BY,
// RELATIVE_OF, PARENT_COMPANY_OF, SAME_CONTROLLER_AS, SUPERVISES, TIE, IS_PERSON), held values
// (HAS_PHONE, HAS_EMAIL, LOCATED_AT, HOLDS_ACCOUNT, HOLDS_QUALIFICATION) and bids: a Bid on a lot
// of an in-scope project may be passed through (PLACED and the bid's value and people
// relationships); the API shows each such bid as its bidder. Every inner node is an in-scope
// entity, an in-scope bid, or a shared value used in in-scope bids by at most $bulk
// organisations (common values such as a default document author connect everyone and say
// nothing). Bids count as a hop here, so up to 2 × $max raw hops are searched.
// Parameters: $from, $to, $max (1-6, collapsed hops), $bulk (integer), $regions, $sectors.
// Returns: paths (up to 4 shortest, each {nodes [{id, label, name, kind, risk, users}], rels
// [{type, forward}]}; a Bid node is given as its bidder with bid: true; users is how many
// organisations used a value in in-scope bids, counted up to $bulk + 1, for preferring paths
// through rarer values; forward is true when the relationship points from nodes[i] to nodes[i+1]).
CALL () {
  MATCH (n:Organization {id: $from}) RETURN n
  UNION
  MATCH (n:Person {id: $from}) RETURN n
  UNION
  MATCH (n:Expert {id: $from}) RETURN n
}
WITH n AS a
CALL () {
  MATCH (n:Organization {id: $to}) RETURN n
  UNION
  MATCH (n:Person {id: $to}) RETURN n
  UNION
  MATCH (n:Expert {id: $to}) RETURN n
}
WITH a, n AS b
WHERE (($regions IS NULL AND $sectors IS NULL) OR EXISTS {
        CALL (a) {
          MATCH (a)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (a)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
          UNION ALL MATCH (a)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (a)<-[:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (a)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (a)-[:LEGAL_REP_OF]->(:Organization)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (a)-[:LEGAL_REP_OF]->(:Organization)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
        }
        WITH sp WHERE ($regions IS NULL OR any(sr IN $regions WHERE coalesce(sp.region, '') STARTS WITH sr)) AND ($sectors IS NULL OR sp.sector IN $sectors)
        RETURN sp
      })
  AND (($regions IS NULL AND $sectors IS NULL) OR EXISTS {
        CALL (b) {
          MATCH (b)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (b)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
          UNION ALL MATCH (b)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (b)<-[:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (b)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (b)-[:LEGAL_REP_OF]->(:Organization)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
          UNION ALL MATCH (b)-[:LEGAL_REP_OF]->(:Organization)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
        }
        WITH sp WHERE ($regions IS NULL OR any(sr IN $regions WHERE coalesce(sp.region, '') STARTS WITH sr)) AND ($sectors IS NULL OR sp.sector IN $sectors)
        RETURN sp
      })
RETURN COLLECT {
  MATCH path = SHORTEST 4 (a)(()-[:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF|EMPLOYED_BY|FORMERLY_EMPLOYED_BY|RELATIVE_OF|PARENT_COMPANY_OF|SAME_CONTROLLER_AS|SUPERVISES|TIE|IS_PERSON|HAS_PHONE|HAS_EMAIL|LOCATED_AT|HOLDS_ACCOUNT|HOLDS_QUALIFICATION|PLACED|FROM_IP|FROM_MAC|FROM_MACHINE|SIGNED_WITH|HAS_DOC|AUTHORED_BY|BOND_FROM|CONTACT_PHONE|CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON|BOND_PAID_BY]-(x)
    WHERE (x:Bid AND (($regions IS NULL AND $sectors IS NULL) OR EXISTS { MATCH (x)-[:FOR]->(:Lot)<-[:HAS_LOT]-(p:Project)
            WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors) }))
       OR ((x:IP OR x:MAC OR x:MachineCode OR x:Certificate OR x:DocHash OR x:DocAuthor OR x:BankAccount OR x:Phone OR x:Email OR x:Address OR x:Qualification)
           AND NOT (COUNT { MATCH (o:Organization)-[:PLACED]->(:Bid)-->(x) WITH DISTINCT o LIMIT $bulk + 1 RETURN o } > $bulk
                AND COUNT {
                  MATCH (o:Organization)-[:PLACED]->(ob:Bid)-->(x)
                  WHERE ($regions IS NULL AND $sectors IS NULL) OR EXISTS { MATCH (ob)-[:FOR]->(:Lot)<-[:HAS_LOT]-(p:Project)
                        WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors) }
                  WITH DISTINCT o LIMIT $bulk + 1
                  RETURN o
                } > $bulk))
       OR ((x:Organization OR x:Person OR x:Expert) AND (($regions IS NULL AND $sectors IS NULL) OR EXISTS {
              CALL (x) {
                MATCH (x)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (x)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
                UNION ALL MATCH (x)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (x)<-[:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (x)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (x)-[:LEGAL_REP_OF]->(:Organization)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (x)-[:LEGAL_REP_OF]->(:Organization)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
              }
              WITH sp WHERE ($regions IS NULL OR any(sr IN $regions WHERE coalesce(sp.region, '') STARTS WITH sr)) AND ($sectors IS NULL OR sp.sector IN $sectors)
              RETURN sp
            })))
    {1,12}(b)
  WITH path
  WHERE length(path) <= 2 * $max
  RETURN {
    nodes: [v IN nodes(path) |
      CASE WHEN v:Bid
        THEN COLLECT { MATCH (o:Organization)-[:PLACED]->(v) RETURN {id: o.id, label: 'Organization', name: coalesce(o.name, o.id), kind: o.kind, risk: o.risk, bid: true} }[0]
        ELSE {
          id: CASE WHEN v:Organization OR v:Person OR v:Expert THEN v.id ELSE labels(v)[0] + ':' + v.value END,
          label: labels(v)[0],
          name: coalesce(v.name, v.value, COLLECT { MATCH (v:Expert)-[:IS_PERSON]->(ep:Person) RETURN ep.name LIMIT 1 }[0], v.id),
          kind: v.kind,
          risk: v.risk,
          bid: false,
          users: CASE WHEN v:Organization OR v:Person OR v:Expert THEN 0 ELSE COUNT {
            MATCH (o:Organization)-[:PLACED]->(ob:Bid)-->(v)
            WHERE ($regions IS NULL AND $sectors IS NULL) OR EXISTS { MATCH (ob)-[:FOR]->(:Lot)<-[:HAS_LOT]-(p:Project)
                  WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors) }
            WITH DISTINCT o LIMIT $bulk + 1
            RETURN o
          } END
        }
      END],
    rels: [i IN range(0, length(path) - 1) | {type: type(relationships(path)[i]), forward: startNode(relationships(path)[i]) = nodes(path)[i]}]
  }
} AS paths
