// Node counts of the trading graph per kind, with how many are placeholders (referenced but
// not loaded yet), and the relationship total. Parameters: none. Returns: key, total, placeholders.
MATCH (n:Project) WITH count(n) AS total
OPTIONAL MATCH (p:Project) WHERE p.placeholder = true
RETURN 'projects' AS key, total, count(p) AS placeholders
UNION ALL
MATCH (n:Lot) WITH count(n) AS total
OPTIONAL MATCH (p:Lot) WHERE p.placeholder = true
RETURN 'lots' AS key, total, count(p) AS placeholders
UNION ALL
MATCH (n:Bid) WITH count(n) AS total RETURN 'bids' AS key, total, 0 AS placeholders
UNION ALL
MATCH (n:Organization) WITH count(n) AS total
OPTIONAL MATCH (p:Organization) WHERE p.placeholder = true
RETURN 'organizations' AS key, total, count(p) AS placeholders
UNION ALL
MATCH (n:Person) WITH count(n) AS total
OPTIONAL MATCH (p:Person) WHERE p.placeholder = true
RETURN 'persons' AS key, total, count(p) AS placeholders
UNION ALL
MATCH (n:Expert) WITH count(n) AS total
OPTIONAL MATCH (p:Expert) WHERE p.placeholder = true
RETURN 'experts' AS key, total, count(p) AS placeholders
UNION ALL
MATCH (n:Approval) WITH count(n) AS total RETURN 'approvals' AS key, total, 0 AS placeholders
UNION ALL
MATCH (n:Sanction) WITH count(n) AS total RETURN 'sanctions' AS key, total, 0 AS placeholders
UNION ALL
MATCH (n:LoadBatch) WITH count(n) AS total RETURN 'load_batches' AS key, total, 0 AS placeholders
UNION ALL
MATCH (n) WHERE n:IP OR n:MAC OR n:MachineCode OR n:Certificate OR n:DocHash OR n:DocAuthor OR n:BankAccount
  OR n:Phone OR n:Email OR n:Address OR n:Qualification
WITH count(n) AS total RETURN 'shared_values' AS key, total, 0 AS placeholders
UNION ALL
MATCH ()-[r]->() WITH count(r) AS total RETURN 'relationships' AS key, total, 0 AS placeholders
