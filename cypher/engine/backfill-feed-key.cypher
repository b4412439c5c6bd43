// Gives flags written before feed_key existed their "changed_at|id" key, so the feed and webhooks
// see them in order. Runs at the start of every rescoring; a no-op once done.
// Parameters: none. Returns: filled.
MATCH (x:Flag) WHERE x.feed_key IS NULL AND x.changed_at IS NOT NULL
SET x.feed_key = x.changed_at + '|' + x.id
RETURN count(x) AS filled
