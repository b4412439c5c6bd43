// Revokes an API key named by its id, or by the name of an unrevoked key; revoking again keeps
// the first revocation time. Frees the name for a new key. Returns no row when nothing matches.
// Parameters: $ref (id or name), $now. Returns: key (id, name, role, regions, sectors, created_at, revoked_at).
OPTIONAL MATCH (byId:ApiKey {id: $ref})
OPTIONAL MATCH (byName:ApiKey {active_name: $ref})
WITH coalesce(byId, byName) AS k
WHERE k IS NOT NULL
SET k.revoked_at = coalesce(k.revoked_at, $now)
REMOVE k.active_name
RETURN k {.id, .name, .role, .regions, .sectors, .created_at, .revoked_at} AS key
