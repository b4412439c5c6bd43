// The unrevoked API key whose secret hashes to $hash (the secret itself is never stored).
// Parameters: $hash (SHA-256 hex). Returns: key (id, name, role, regions, sectors, created_at, revoked_at).
MATCH (k:ApiKey {hash: $hash})
WHERE k.revoked_at IS NULL
RETURN k {.id, .name, .role, .regions, .sectors, .created_at, .revoked_at} AS key
