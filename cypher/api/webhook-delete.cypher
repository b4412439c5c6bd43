// Deletes a webhook with its dead letters, if it belongs to the key (any key's when $key is
// null); deliveries still queued for it are dropped when they find it gone.
// Parameters: $id, $key (ApiKey id or null). Returns: id; no row when nothing matched.
MATCH (w:Webhook {id: $id})
WHERE $key IS NULL OR w.key_id = $key
OPTIONAL MATCH (w)-[:DEAD_LETTER]->(d:WebhookDeadLetter)
WITH w, w.id AS id, collect(d) AS dead
DETACH DELETE w
FOREACH (d IN dead | DETACH DELETE d)
RETURN id
