// Removes the baseline's RawBenchBid nodes, in batches. Parameters: none.
MATCH (b:RawBenchBid)
CALL (b) { DELETE b } IN TRANSACTIONS OF 20000 ROWS
