// One step of an entity graph (GET /entities/:id/graph): the neighbours of the frontier nodes
// $ids (element ids of nodes this request has already shown), with Bid hops collapsed so the
// graph stays readable:
//   - ties and identity: LEGAL_REP_OF, SHAREHOLDER_OF, EXECUTIVE_OF, EMPLOYED_BY,
//     FORMERLY_EMPLOYED_BY, RELATIVE_OF, PARENT_COMPANY_OF, SAME_CONTROLLER_AS, SUPERVISES
//     (between organisations), TIE, IS_PERSON;
//   - values an entity holds: HAS_PHONE, HAS_EMAIL, LOCATED_AT, HOLDS_ACCOUNT, HOLDS_QUALIFICATION;
//   - values and people of bids, bidder–bid–value collapsed to one edge bidder→value typed as the
//     bid's relationship (FROM_IP, FROM_MAC, FROM_MACHINE, SIGNED_WITH, HAS_DOC, AUTHORED_BY,
//     BOND_FROM, CONTACT_PHONE, CONTACT_PERSON, PROJECT_MANAGER, AGENT_PERSON, BOND_PAID_BY)
//     with `bids` = how many bids; only bids on lots of in-scope projects are walked;
//   - CO_BID between organisations that bid on the same in-scope lots (`lots` = how many);
//   - MEMBER_OF between organisations and active communities.
// Jurisdiction is applied here: an organisation, person or expert neighbour outside the caller's
// jurisdiction (entity jurisdiction as defined in entity.cypher), or a community not wholly in
// it, is never returned, only counted in `hidden`. Shared values are shown when adjacent to a
// shown node. A shared value used in in-scope bids by more than $bulk organisations is marked
// `bulk` (the caller does not expand through it); the exact count is not returned.
// Parameters: $ids (element ids), $bulk (integer), $regions, $sectors.
// Returns per frontier node: from (element id), neighbours [{node {eid, id, label, name, kind, risk,
// community, bulk}, links [{type, out (true when the edge points from `from` to the neighbour),
// bids, lots}]}], hidden (number of out-of-scope neighbours).
UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid
CALL (n) {
  MATCH (n)-[rel:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF|EMPLOYED_BY|FORMERLY_EMPLOYED_BY|RELATIVE_OF|PARENT_COMPANY_OF|SAME_CONTROLLER_AS|SUPERVISES|TIE|IS_PERSON|HAS_PHONE|HAS_EMAIL|LOCATED_AT|HOLDS_ACCOUNT|HOLDS_QUALIFICATION|MEMBER_OF]-(m)
  WHERE m <> n AND NOT m:Project
  RETURN m, type(rel) AS type, startNode(rel) = n AS out, null AS bids, null AS lots
  UNION ALL
  MATCH (n:Organization)-[:PLACED]->(b:Bid)-[rel:FROM_IP|FROM_MAC|FROM_MACHINE|SIGNED_WITH|HAS_DOC|AUTHORED_BY|BOND_FROM|CONTACT_PHONE|CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON|BOND_PAID_BY]->(m)
  WHERE m <> n
    AND (($regions IS NULL AND $sectors IS NULL) OR EXISTS { MATCH (b)-[:FOR]->(:Lot)<-[:HAS_LOT]-(p:Project)
         WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors) })
  RETURN m, type(rel) AS type, true AS out, count(DISTINCT b) AS bids, null AS lots
  UNION ALL
  MATCH (m:Organization)-[:PLACED]->(b:Bid)-[rel:FROM_IP|FROM_MAC|FROM_MACHINE|SIGNED_WITH|HAS_DOC|AUTHORED_BY|BOND_FROM|CONTACT_PHONE|CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON|BOND_PAID_BY]->(n)
  WHERE m <> n
    AND (($regions IS NULL AND $sectors IS NULL) OR EXISTS { MATCH (b)-[:FOR]->(:Lot)<-[:HAS_LOT]-(p:Project)
         WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors) })
  RETURN m, type(rel) AS type, false AS out, count(DISTINCT b) AS bids, null AS lots
  UNION ALL
  MATCH (n:Organization)-[:PLACED]->(:Bid)-[:FOR]->(l:Lot)<-[:FOR]-(:Bid)<-[:PLACED]-(m:Organization)
  WHERE m <> n
    AND (($regions IS NULL AND $sectors IS NULL) OR EXISTS { MATCH (l)<-[:HAS_LOT]-(p:Project)
         WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors) })
  RETURN m, 'CO_BID' AS type, true AS out, null AS bids, count(DISTINCT l) AS lots
}
WITH n, m, type, out, max(bids) AS bids, max(lots) AS lots
WITH n, m, collect({type: type, out: out, bids: bids, lots: lots}) AS links
WITH n, m, links,
     CASE
       WHEN m:Community THEN m.active = true
         AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(m.jurisdictions, [])) > 0 AND all(j IN m.jurisdictions WHERE
              ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
       WHEN NOT (m:Organization OR m:Person OR m:Expert) THEN true
       ELSE (($regions IS NULL AND $sectors IS NULL) OR EXISTS {
              CALL (m) {
                MATCH (m)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (m)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
                UNION ALL MATCH (m)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (m)<-[:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON]-(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (m)<-[:IS_PERSON]-(:Expert)-[:SAT_ON]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (m)-[:LEGAL_REP_OF]->(:Organization)-[:PLACED]->(:Bid)-[:FOR]->(:Lot)<-[:HAS_LOT]-(sp:Project) RETURN sp
                UNION ALL MATCH (m)-[:LEGAL_REP_OF]->(:Organization)-[:TENDERED|AGENT_FOR|SUPERVISES]->(sp:Project) RETURN sp
              }
              WITH sp WHERE ($regions IS NULL OR any(sr IN $regions WHERE coalesce(sp.region, '') STARTS WITH sr)) AND ($sectors IS NULL OR sp.sector IN $sectors)
              RETURN sp
            })
     END AS visible
WITH n,
     collect(CASE WHEN visible THEN {
       node: {
         eid: elementId(m),
         id: CASE WHEN m:Organization OR m:Person OR m:Expert OR m:Community THEN m.id ELSE labels(m)[0] + ':' + m.value END,
         label: labels(m)[0],
         name: coalesce(m.name, m.value, COLLECT { MATCH (m:Expert)-[:IS_PERSON]->(ep:Person) RETURN ep.name LIMIT 1 }[0], m.id),
         kind: m.kind,
         risk: m.risk,
         community: CASE WHEN m:Organization THEN COLLECT {
           MATCH (m)-[:MEMBER_OF]->(k:Community)
           WHERE k.active = true
             AND (($regions IS NULL AND $sectors IS NULL) OR (size(coalesce(k.jurisdictions, [])) > 0 AND all(j IN k.jurisdictions WHERE
                  ($regions IS NULL OR any(p IN $regions WHERE j STARTS WITH p)) AND ($sectors IS NULL OR any(s IN $sectors WHERE j ENDS WITH '|' + s)))))
           RETURN k.id ORDER BY k.score DESC, k.id LIMIT 1
         }[0] END,
         bulk: NOT (m:Organization OR m:Person OR m:Expert OR m:Community)
           AND COUNT { MATCH (o:Organization)-[:PLACED]->(:Bid)-->(m) WITH DISTINCT o LIMIT $bulk + 1 RETURN o } > $bulk
           AND COUNT {
             MATCH (o:Organization)-[:PLACED]->(b:Bid)-->(m)
             WHERE ($regions IS NULL AND $sectors IS NULL) OR EXISTS { MATCH (b)-[:FOR]->(:Lot)<-[:HAS_LOT]-(p:Project)
                   WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r)) AND ($sectors IS NULL OR p.sector IN $sectors) }
             WITH DISTINCT o LIMIT $bulk + 1
             RETURN o
           } > $bulk
       },
       links: links
     } END) AS neighbours,
     count(CASE WHEN NOT visible THEN m END) AS hidden
RETURN elementId(n) AS from, neighbours, hidden
