// Where and how to deliver for a webhook: its URL and signing secret, only while the webhook
// exists and its key is not revoked (otherwise the delivery is dropped).
// Parameters: $id. Returns: url, secret.
MATCH (w:Webhook {id: $id})-[:OWNED_BY]->(k:ApiKey)
WHERE k.revoked_at IS NULL
RETURN w.url AS url, w.secret AS secret
