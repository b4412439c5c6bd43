// Every API key, revoked ones included, oldest first; never the hash.
// Parameters: none. Returns: key (id, name, role, regions, sectors, created_at, revoked_at).
MATCH (k:ApiKey)
RETURN k {.id, .name, .role, .regions, .sectors, .created_at, .revoked_at} AS key
ORDER BY k.created_at, k.id
