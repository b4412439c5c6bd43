// How many dead letters one webhook has: the `total` of a page.
// Parameters: $webhook. Returns: total.
MATCH (d:WebhookDeadLetter {webhook: $webhook})
RETURN count(d) AS total
