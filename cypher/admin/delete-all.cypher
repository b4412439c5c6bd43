// Deletes every relationship, then every node, in batches, so that neither a large graph nor a
// shared value with a hundred thousand links (a public terminal's IP) needs one huge transaction.
// Run in auto-commit transactions. Parameters: none.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS;
MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS;
