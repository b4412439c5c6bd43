// Links projects to their tenderer (招标人), agent (招标代理) and supervising department, and to
// the approval that shares their project_code (投资项目统一代码), if loaded.
// Parameters: $rows [{id, tenderer, agent[], supervisor[]}]. Returns: nothing.
UNWIND $rows AS r
MATCH (p:Project {id: r.id})
MATCH (t:Organization {id: r.tenderer})
CREATE (t)-[:TENDERED]->(p)
WITH p, r
CALL (p, r) { UNWIND r.agent AS v MATCH (o:Organization {id: v}) CREATE (o)-[:AGENT_FOR]->(p) }
CALL (p, r) { UNWIND r.supervisor AS v MATCH (o:Organization {id: v}) CREATE (o)-[:SUPERVISES]->(p) }
CALL (p) { MATCH (a:Approval {project_code: p.project_code}) MERGE (p)-[:APPROVED_UNDER]->(a) }
