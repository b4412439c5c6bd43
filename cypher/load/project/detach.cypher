// Removes the links a project record's own fields made (tenderer, agent, supervising
// department, approval by project_code). Parameters: $ids [string]. Returns: nothing.
UNWIND $ids AS id
MATCH (p:Project {id: id})
OPTIONAL MATCH ()-[old:TENDERED|AGENT_FOR|SUPERVISES]->(p)
DELETE old
WITH DISTINCT p
OPTIONAL MATCH (p)-[approval:APPROVED_UNDER]->()
DELETE approval
