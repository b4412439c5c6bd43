// A project's full process (项目全过程) when it lies in the caller's jurisdiction: the project with
// its events and parties, each lot with its risk, bids (in price order), panel and evaluation
// scores. Out-of-scope or unknown: no row. Flags come from project-flags.cypher.
// Parameters: $id, $regions, $sectors. Returns: project, tenderer, agent, supervisor, lots, approvals.
MATCH (p:Project {id: $id})
WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
  AND ($sectors IS NULL OR p.sector IN $sectors)
OPTIONAL MATCH (t:Organization)-[:TENDERED]->(p)
OPTIONAL MATCH (a:Organization)-[:AGENT_FOR]->(p)
OPTIONAL MATCH (s:Organization)-[:SUPERVISES]->(p)
RETURN properties(p) AS project,
       t {.id, .name} AS tenderer, a {.id, .name} AS agent, s {.id, .name} AS supervisor,
       COLLECT {
         MATCH (p)-[:HAS_LOT]->(l:Lot)
         RETURN l {
           .*,
           bids: COLLECT {
             MATCH (o:Organization)-[:PLACED]->(b:Bid)-[:FOR]->(l)
             RETURN b {.*, bidder_name: o.name} ORDER BY b.price, b.id
           },
           panel: COLLECT {
             MATCH (e:Expert)-[sat:SAT_ON]->(l)
             RETURN {expert: e.id, name: e.name, chair: coalesce(sat.chair, false)} ORDER BY e.id
           },
           evaluations: COLLECT {
             MATCH (e:Expert)-[sc:SCORED {lot: l.id}]->(o:Organization)
             RETURN {expert: e.id, bidder: o.id, criterion: sc.criterion, score: sc.score} ORDER BY e.id, o.id, sc.criterion
           }
         } ORDER BY l.id
       } AS lots,
       COLLECT { MATCH (p)-[:APPROVED_UNDER]->(ap:Approval) RETURN properties(ap) } AS approvals
