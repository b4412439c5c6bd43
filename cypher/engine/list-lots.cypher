// Every scored lot with its risk and components, highest risk first. Parameters: none.
MATCH (l:Lot) WHERE l.risk IS NOT NULL
RETURN l.id AS lot, l.risk AS score, l.risk_components AS components
ORDER BY l.risk DESC, l.id
