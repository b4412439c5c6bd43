// The investment-approval records (投资项目审批/核准/备案) of one project code, with the projects
// that carry the code in the caller's jurisdiction and their lots (whose flags the route adds).
// Visible when the key has no restriction, when one of those projects is in scope, or, for a code
// no project carries yet, when the key is not restricted by sector and an approval's region lies
// in its regions. Otherwise, like an unknown code, no row.
// Parameters: $code, $regions, $sectors.
// Returns: approvals (all properties, by id), projects [{id, name, region, sector, category,
// procedure, budget, announced, tenderer, lots}] (by id).
MATCH (a:Approval {project_code: $code})
WITH collect(properties(a)) AS approvals
WHERE size(approvals) > 0
WITH approvals,
     COLLECT {
       MATCH (p:Project {project_code: $code})
       WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
         AND ($sectors IS NULL OR p.sector IN $sectors)
       RETURN p {
         .id, .name, .region, .sector, .category, .procedure, .budget,
         announced: p.events_announced,
         tenderer: COLLECT { MATCH (t:Organization)-[:TENDERED]->(p) RETURN t.id }[0],
         lots: COLLECT { MATCH (p)-[:HAS_LOT]->(l:Lot) RETURN l.id ORDER BY l.id }
       } ORDER BY p.id
     } AS projects,
     COUNT { MATCH (p:Project {project_code: $code}) } AS carried
WHERE ($regions IS NULL AND $sectors IS NULL)
   OR size(projects) > 0
   OR (carried = 0 AND $sectors IS NULL
       AND any(a IN approvals WHERE any(r IN $regions WHERE coalesce(a.region, '') STARTS WITH r)))
RETURN [a IN approvals | a] AS approvals, projects
