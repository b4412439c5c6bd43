// How many webhooks one API key has (every key's when $key is null): the `total` of a page.
// Parameters: $key (ApiKey id or null). Returns: total.
MATCH (w:Webhook)
WHERE $key IS NULL OR w.key_id = $key
RETURN count(w) AS total
