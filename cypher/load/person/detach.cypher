// Removes the links a person record's own fields made (phones, e-mails, address, qualification
// certificates, employer), before a changed record links anew. Ties stay.
// Parameters: $ids [string]. Returns: nothing.
UNWIND $ids AS id
MATCH (p:Person {id: id})
OPTIONAL MATCH (p)-[old:HAS_PHONE|HAS_EMAIL|LOCATED_AT|HOLDS_QUALIFICATION|EMPLOYED_BY]->()
WHERE old.tie IS NULL
DELETE old
