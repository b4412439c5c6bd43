// Removes a changed approval's project links before they are made anew by project_code.
// Parameters: $ids [string]. Returns: nothing.
UNWIND $ids AS id
MATCH ()-[old:APPROVED_UNDER]->(:Approval {id: id})
DELETE old
