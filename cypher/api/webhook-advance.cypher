// Moves a webhook's cursor past a batch that has been queued for delivery, only if the cursor
// is still where this fan-out read it (another fan-out may have moved it meanwhile). The first
// SET takes the node's write lock before the cursor is compared.
// Parameters: $id, $from ([changed_at, id] read before), $to ([changed_at, id] of the batch's last flag), $now.
// Returns: id when the cursor moved; no row when it had moved already.
MATCH (w:Webhook {id: $id})
SET w.cursor_checked_at = $now
WITH w
WHERE w.cursor_at = $from[0] AND w.cursor_id = $from[1]
SET w.cursor_at = $to[0], w.cursor_id = $to[1]
RETURN w.id AS id
