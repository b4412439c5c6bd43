// Removes every link a changed bid's fields made (bidder, lot, shared values, people, bond
// payer) before it links anew. Parameters: $ids [string]. Returns: nothing.
UNWIND $ids AS id
MATCH (b:Bid {id: id})
OPTIONAL MATCH (b)-[old]->()
DELETE old
WITH DISTINCT b
OPTIONAL MATCH (:Organization)-[placed:PLACED]->(b)
DELETE placed
