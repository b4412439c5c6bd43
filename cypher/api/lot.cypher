// One lot when its project lies in the caller's jurisdiction: the lot with its risk and
// components, its project, bids (in price order), panel and evaluation scores. Out-of-scope or
// unknown: no row. Parameters: $id, $regions, $sectors. Returns: lot, project.
MATCH (p:Project)-[:HAS_LOT]->(l:Lot {id: $id})
WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
  AND ($sectors IS NULL OR p.sector IN $sectors)
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
       } AS lot,
       p {.id, .name, .region, .sector, .procedure, .category} AS project
