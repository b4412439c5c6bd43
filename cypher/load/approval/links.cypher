// Joins approvals to every project with the same project_code (投资项目统一代码); projects
// loaded later join on arrival. Parameters: $rows [{id}]. Returns: nothing.
UNWIND $rows AS r
MATCH (a:Approval {id: r.id})
CALL (a) { MATCH (p:Project {project_code: a.project_code}) MERGE (p)-[:APPROVED_UNDER]->(a) }
