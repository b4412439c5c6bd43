// Evaluation panels (评标委员会) per lot. Parameters: none.
MATCH (e:Expert)-[s:SAT_ON]->(l:Lot)
RETURN l.id AS lot, collect(e.id) AS experts, [x IN collect(CASE WHEN s.chair THEN e.id END) WHERE x IS NOT NULL][0] AS chair
