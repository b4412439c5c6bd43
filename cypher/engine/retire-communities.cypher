// Marks communities that the latest run did not find as inactive. Parameters: $run, $now.
MATCH (k:Community) WHERE k.active = true AND k.run_id <> $run
SET k.active = false, k.retired_at = $now
RETURN count(k) AS retired
