// Removes the links an organization record's own fields made (phones, e-mails, address, bank
// accounts, legal representative), before a changed record links anew. Ties stay.
// Parameters: $ids [string]. Returns: nothing.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
OPTIONAL MATCH (o)-[old:HAS_PHONE|HAS_EMAIL|LOCATED_AT|HOLDS_ACCOUNT]->()
DELETE old
WITH DISTINCT o
OPTIONAL MATCH (:Person)-[rep:LEGAL_REP_OF]->(o) WHERE rep.tie IS NULL
DELETE rep
