// Deletes every node and relationship, 10,000 nodes per transaction so that a large graph does
// not need one huge transaction. Run in an auto-commit transaction. Parameters: none.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
