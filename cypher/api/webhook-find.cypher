// One webhook, if it belongs to the key (any key's when $key is null); never the secret.
// Parameters: $id, $key (ApiKey id or null). Returns: webhook (id, url, min_score, detectors, key_id, created_at).
MATCH (w:Webhook {id: $id})
WHERE $key IS NULL OR w.key_id = $key
RETURN w {.id, .url, .min_score, .detectors, .key_id, .created_at} AS webhook
