// Registers a webhook for an unrevoked API key; its cursor starts now, so it receives the flags
// that change from now on. The secret signs deliveries (HMAC-SHA256), so it is kept as given.
// Parameters: $id, $key (ApiKey id), $url, $minScore, $detectors (list or null), $secret, $now.
// Returns: webhook (id, url, min_score, detectors, key_id, key_name, created_at); no row when the key is revoked.
MATCH (k:ApiKey {id: $key})
WHERE k.revoked_at IS NULL
CREATE (w:Webhook {id: $id, url: $url, min_score: $minScore, secret: $secret, key_id: $key, created_at: $now,
                   cursor_at: $now, cursor_id: ''})
SET w.detectors = $detectors
CREATE (w)-[:OWNED_BY]->(k)
RETURN w {.id, .url, .min_score, .detectors, .key_id, key_name: k.name, .created_at} AS webhook
