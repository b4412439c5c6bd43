// Every webhook whose key is not revoked, with that key's current jurisdiction and the
// webhook's cursor: what a fan-out after a rescoring walks. A revoked key's webhooks stop.
// Parameters: none. Returns: webhook (id, min_score, detectors, cursor_at, cursor_id), regions, sectors.
MATCH (w:Webhook)-[:OWNED_BY]->(k:ApiKey)
WHERE k.revoked_at IS NULL
RETURN w {.id, .min_score, .detectors, .cursor_at, .cursor_id} AS webhook, k.regions AS regions, k.sectors AS sectors
ORDER BY w.id
