// Records a delivery that failed its last attempt: a WebhookDeadLetter (keyed by delivery id,
// so recording it twice keeps one) tied to its webhook, with the flags it carried and the last error.
// Parameters: $webhook, $delivery, $flags (flag ids), $error, $attempts, $now. Returns: delivery.
MATCH (w:Webhook {id: $webhook})
MERGE (d:WebhookDeadLetter {delivery: $delivery})
SET d.webhook = $webhook, d.url = w.url, d.flags = $flags, d.error = $error, d.attempts = $attempts, d.at = $now
MERGE (w)-[:DEAD_LETTER]->(d)
RETURN d.delivery AS delivery
