// Organisations for the engine's projection, with normalised address, phones, e-mails and
// accounts. Parameters: none. Returns: one row per organisation.
MATCH (o:Organization)
RETURN o.id AS id, o.name AS name, o.kind AS kind, o.region AS region, o.uscc AS uscc,
       o.legal_rep AS legalRep, coalesce(o.placeholder, false) AS placeholder,
       [(o)-[:LOCATED_AT]->(a) | a.value][0] AS address,
       [(o)-[:HAS_PHONE]->(p) | p.value] AS phones,
       [(o)-[:HAS_EMAIL]->(e) | e.value] AS emails,
       [(o)-[:HOLDS_ACCOUNT]->(x) | x.value] AS accounts
