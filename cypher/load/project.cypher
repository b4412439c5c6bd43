// Upserts projects: tenderer (招标人), agent (招标代理), supervising department, and the
// approval of the investment-approval platform that shares its project_code, if loaded.
// Parameters: $rows [{id, hash, props, tenderer, agent[], supervisor[]}], $load. Returns: changed.
UNWIND $rows AS r
MERGE (p:Project {id: r.id})
WITH p, r WHERE p.rec_hash IS NULL OR p.rec_hash <> r.hash
OPTIONAL MATCH ()-[old:TENDERED|AGENT_FOR|SUPERVISES]->(p)
DELETE old
WITH DISTINCT p, r
OPTIONAL MATCH (p)-[oldApproval:APPROVED_UNDER]->()
DELETE oldApproval
WITH DISTINCT p, r, coalesce(p.first_load_id, $load) AS firstLoad
SET p = r.props, p.rec_hash = r.hash, p.load_id = $load, p.first_load_id = firstLoad
MERGE (t:Organization {id: r.tenderer}) ON CREATE SET t.placeholder = true, t.load_id = $load
CREATE (t)-[:TENDERED]->(p)
FOREACH (v IN r.agent |
  MERGE (o:Organization {id: v}) ON CREATE SET o.placeholder = true, o.load_id = $load
  CREATE (o)-[:AGENT_FOR]->(p))
FOREACH (v IN r.supervisor |
  MERGE (o:Organization {id: v}) ON CREATE SET o.placeholder = true, o.load_id = $load
  CREATE (o)-[:SUPERVISES]->(p))
WITH p
OPTIONAL MATCH (a:Approval {project_code: p.project_code})
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END | MERGE (p)-[:APPROVED_UNDER]->(x))
RETURN count(DISTINCT p) AS changed
