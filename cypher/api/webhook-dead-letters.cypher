// Dead letters of one webhook (deliveries that failed every attempt), oldest first.
// Parameters: $webhook, $after ([at, delivery] of the previous page's last, or null), $limit.
// Returns: dead (webhook, delivery, url, flags, error, attempts, at).
MATCH (d:WebhookDeadLetter {webhook: $webhook})
WHERE $after IS NULL OR d.at > $after[0] OR (d.at = $after[0] AND d.delivery > $after[1])
RETURN d {.webhook, .delivery, .url, .flags, .error, .attempts, .at} AS dead
ORDER BY d.at, d.delivery
LIMIT $limit
