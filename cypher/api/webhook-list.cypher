// Webhooks of one API key (or of every key when $key is null), oldest first; never the secret.
// Parameters: $key (ApiKey id or null), $after ([created_at, id] of the previous page's last, or null), $limit.
// Returns: webhook (id, url, min_score, detectors, key_id, key_name, created_at, cursor_at).
MATCH (w:Webhook)-[:OWNED_BY]->(k:ApiKey)
WHERE ($key IS NULL OR w.key_id = $key)
  AND ($after IS NULL OR w.created_at > $after[0] OR (w.created_at = $after[0] AND w.id > $after[1]))
RETURN w {.id, .url, .min_score, .detectors, .key_id, key_name: k.name, .created_at, .cursor_at} AS webhook
ORDER BY w.created_at, w.id
LIMIT $limit
