// Lots (loaded, not placeholders) for the engine's projection. Parameters: none.
MATCH (l:Lot) WHERE l.placeholder IS NULL
RETURN l.id AS id, l.project AS project, l.name AS name, l.ceiling_price AS ceilingPrice,
       l.estimate AS estimate, properties(l) AS props
