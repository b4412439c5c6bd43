// Placeholders this load created that are still waiting for their record (a bid for a lot not
// loaded yet, say). Parameters: $load. Returns: label, count.
MATCH (n:Organization) WHERE n.placeholder = true AND n.load_id = $load RETURN 'Organization' AS label, count(n) AS count
UNION ALL
MATCH (n:Person) WHERE n.placeholder = true AND n.load_id = $load RETURN 'Person' AS label, count(n) AS count
UNION ALL
MATCH (n:Expert) WHERE n.placeholder = true AND n.load_id = $load RETURN 'Expert' AS label, count(n) AS count
UNION ALL
MATCH (n:Project) WHERE n.placeholder = true AND n.load_id = $load RETURN 'Project' AS label, count(n) AS count
UNION ALL
MATCH (n:Lot) WHERE n.placeholder = true AND n.load_id = $load RETURN 'Lot' AS label, count(n) AS count
