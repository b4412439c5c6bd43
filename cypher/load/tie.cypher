// Upserts ties between people and organisations (legal representative, shareholder, executive,
// employee, relative, parent company, same controller, supervising department). A side whose
// label is not fixed by the kind or by from_type/to_type is a Person when a person with that id
// is loaded, otherwise an Organization. Unknown kinds become TIE relationships with their kind.
// Identity of a tie: (kind, from, to); reloading updates share/since/until/note in place.
// Parameters: $rows [{kind, from, to, fromLabel?, toLabel?, props}], $load. Returns: changed.
UNWIND $rows AS r
OPTIONAL MATCH (fp:Person {id: r.from})
OPTIONAL MATCH (tp:Person {id: r.to})
WITH r,
     coalesce(r.fromLabel, CASE WHEN fp IS NULL THEN 'Organization' ELSE 'Person' END) AS fromLabel,
     coalesce(r.toLabel, CASE WHEN tp IS NULL THEN 'Organization' ELSE 'Person' END) AS toLabel
FOREACH (v IN CASE WHEN fromLabel = 'Person' THEN [r.from] ELSE [] END |
  MERGE (x:Person {id: v}) ON CREATE SET x.placeholder = true, x.load_id = $load)
FOREACH (v IN CASE WHEN fromLabel = 'Organization' THEN [r.from] ELSE [] END |
  MERGE (x:Organization {id: v}) ON CREATE SET x.placeholder = true, x.load_id = $load)
FOREACH (v IN CASE WHEN toLabel = 'Person' THEN [r.to] ELSE [] END |
  MERGE (x:Person {id: v}) ON CREATE SET x.placeholder = true, x.load_id = $load)
FOREACH (v IN CASE WHEN toLabel = 'Organization' THEN [r.to] ELSE [] END |
  MERGE (x:Organization {id: v}) ON CREATE SET x.placeholder = true, x.load_id = $load)
WITH r, fromLabel, toLabel
CALL (r, fromLabel) {
  MATCH (a:Person {id: r.from}) WHERE fromLabel = 'Person' RETURN a
  UNION
  MATCH (a:Organization {id: r.from}) WHERE fromLabel = 'Organization' RETURN a
}
CALL (r, toLabel) {
  MATCH (b:Person {id: r.to}) WHERE toLabel = 'Person' RETURN b
  UNION
  MATCH (b:Organization {id: r.to}) WHERE toLabel = 'Organization' RETURN b
}
FOREACH (_ IN CASE WHEN r.kind = 'legal_rep' THEN [1] ELSE [] END |
  MERGE (a)-[t:LEGAL_REP_OF {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN r.kind = 'shareholder' THEN [1] ELSE [] END |
  MERGE (a)-[t:SHAREHOLDER_OF {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN r.kind = 'executive' THEN [1] ELSE [] END |
  MERGE (a)-[t:EXECUTIVE_OF {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN r.kind = 'employee' THEN [1] ELSE [] END |
  MERGE (a)-[t:EMPLOYED_BY {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN r.kind = 'former_employee' THEN [1] ELSE [] END |
  MERGE (a)-[t:FORMERLY_EMPLOYED_BY {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN r.kind = 'relative' THEN [1] ELSE [] END |
  MERGE (a)-[t:RELATIVE_OF {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN r.kind = 'parent_company' THEN [1] ELSE [] END |
  MERGE (a)-[t:PARENT_COMPANY_OF {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN r.kind = 'same_controller' THEN [1] ELSE [] END |
  MERGE (a)-[t:SAME_CONTROLLER_AS {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN r.kind = 'supervises' THEN [1] ELSE [] END |
  MERGE (a)-[t:SUPERVISES {tie: true}]->(b) SET t += r.props, t.load_id = $load)
FOREACH (_ IN CASE WHEN NOT r.kind IN ['legal_rep', 'shareholder', 'executive', 'employee', 'former_employee',
                                        'relative', 'parent_company', 'same_controller', 'supervises'] THEN [1] ELSE [] END |
  MERGE (a)-[t:TIE {tie: true, kind: r.kind}]->(b) SET t += r.props, t.load_id = $load)
RETURN count(*) AS changed
