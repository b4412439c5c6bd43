// Which bond payers of a batch are loaded persons (the rest are organisations).
// Parameters: $ids [string]. Returns: id.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id
