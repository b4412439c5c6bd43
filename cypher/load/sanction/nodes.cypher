// Upserts Sanction nodes (records of the credit platform, 信用中国 and sector regulators). A record whose content hash is unchanged is skipped; a placeholder
// becomes the full record. Parameters: $rows [{id, hash, props}], $load.
// Returns: id and existed (true when a full record was there before, so its links are replaced)
// for every record that was new or changed.
UNWIND $rows AS r
MERGE (n:Sanction {id: r.id})
WITH n, r, n.rec_hash AS previous, coalesce(n.first_load_id, $load) AS firstLoad
WHERE previous IS NULL OR previous <> r.hash
SET n = r.props, n.rec_hash = r.hash, n.load_id = $load, n.first_load_id = firstLoad
RETURN r.id AS id, previous IS NOT NULL AS existed
