// Writes organisations', persons' and experts' risk (combined scores of their active flags);
// entities no flag involves any more go back to 0. Parameters: $rows [{id, score}], $run.
UNWIND $rows AS r
CALL (r) { MATCH (n:Organization {id: r.id}) SET n.risk = r.score, n.risk_run = $run }
CALL (r) { MATCH (n:Person {id: r.id}) SET n.risk = r.score, n.risk_run = $run }
CALL (r) { MATCH (n:Expert {id: r.id}) SET n.risk = r.score, n.risk_run = $run }
RETURN count(r) AS written
