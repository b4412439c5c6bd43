// The credit-platform sanctions and investment approvals a case file (案卷) cites, by id, and the
// approvals of the case's projects (joined by project_code): all properties, with load_id.
// Parameters: $sanctions [id], $approvals [id], $projects [id].
// Returns: sanctions, approvals (all properties each, approvals of the projects included once).
RETURN COLLECT { UNWIND $sanctions AS id MATCH (s:Sanction {id: id}) RETURN properties(s) AS s ORDER BY s.id } AS sanctions,
       COLLECT {
         CALL () {
           UNWIND $approvals AS id MATCH (a:Approval {id: id}) RETURN a
           UNION
           UNWIND $projects AS id MATCH (:Project {id: id})-[:APPROVED_UNDER]->(a:Approval) RETURN a
         }
         RETURN properties(a) AS a ORDER BY a.id
       } AS approvals
