// Benchmark baseline: the plainest possible write of bid rows (no MERGE, no relationships), one
// node per row. Its rate is the Bolt + store limit that bench:ingest compares the real load with.
// Parameters: $rows [{id, lot, bidder, price, ip, mac}]. Returns: nothing.
UNWIND $rows AS r
CREATE (b:RawBenchBid)
SET b = r
