// Ties of the business registry (relationships with tie = true), with their contract kind.
// Parameters: none.
MATCH (a)-[t {tie: true}]->(b)
RETURN CASE type(t)
         WHEN 'LEGAL_REP_OF' THEN 'legal_rep' WHEN 'SHAREHOLDER_OF' THEN 'shareholder'
         WHEN 'EXECUTIVE_OF' THEN 'executive' WHEN 'EMPLOYED_BY' THEN 'employee'
         WHEN 'FORMERLY_EMPLOYED_BY' THEN 'former_employee' WHEN 'RELATIVE_OF' THEN 'relative'
         WHEN 'PARENT_COMPANY_OF' THEN 'parent_company' WHEN 'SAME_CONTROLLER_AS' THEN 'same_controller'
         WHEN 'SUPERVISES' THEN 'supervises' ELSE t.kind END AS kind,
       a.id AS from, b.id AS to, t.share AS share, t.since AS since, t.until AS until
