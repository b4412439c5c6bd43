// Upserts approvals of the investment-approval platform (审批/核准/备案) and joins every project
// with the same project_code (投资项目统一代码); projects loaded later join on arrival.
// Parameters: $rows [{id, hash, props}], $load. Returns: changed.
UNWIND $rows AS r
MERGE (a:Approval {id: r.id})
WITH a, r WHERE a.rec_hash IS NULL OR a.rec_hash <> r.hash
OPTIONAL MATCH ()-[old:APPROVED_UNDER]->(a)
DELETE old
WITH DISTINCT a, r, coalesce(a.first_load_id, $load) AS firstLoad
SET a = r.props, a.rec_hash = r.hash, a.load_id = $load, a.first_load_id = firstLoad
WITH a
OPTIONAL MATCH (p:Project {project_code: a.project_code})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE (x)-[:APPROVED_UNDER]->(a))
RETURN count(DISTINCT a) AS changed
