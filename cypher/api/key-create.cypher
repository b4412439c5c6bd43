// Creates an API key record, unless an unrevoked key already has the name: then returns no row.
// Only the SHA-256 hash of the secret is stored. `active_name` (the name while not revoked) is
// uniquely constrained, so two concurrent creations of the same name cannot both succeed.
// Parameters: $id, $name, $hash, $role, $regions (list or null), $sectors (list or null), $now.
// Returns: key (id, name, role, regions, sectors, created_at, revoked_at).
OPTIONAL MATCH (taken:ApiKey {active_name: $name})
WITH taken
WHERE taken IS NULL
CREATE (k:ApiKey {id: $id, name: $name, active_name: $name, hash: $hash, role: $role, created_at: $now})
SET k.regions = $regions, k.sectors = $sectors
RETURN k {.id, .name, .role, .regions, .sectors, .created_at, .revoked_at} AS key
