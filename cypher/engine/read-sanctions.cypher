// Sanctions of the credit platform. Parameters: none.
MATCH (s:Sanction)
RETURN s.id AS id, s.entity AS entity, s.kind AS kind, s.date AS date, s.until AS until,
       s.authority AS authority, s.scope AS scope, s.reason AS reason, s.source AS source
