// Retires flags a scoring run no longer finds: active = false, retired_at set, status 'retired'
// unless a person has triaged it (confirmed, dismissed, benign stay). Never deletes. A full run
// ($scope null) retires every active flag it did not write; an incremental run only those that
// touch a lot in $scope. Parameters: $run, $now, $scope ([lot ids] or null). Returns: retired.
MATCH (x:Flag)
WHERE x.active = true AND x.run_id <> $run
  AND ($scope IS NULL OR any(l IN coalesce(x.lots, []) WHERE l IN $scope))
SET x.active = false, x.retired_at = $now, x.changed_at = $now, x.feed_key = $now + '|' + x.id,
    x.status = CASE WHEN x.status = 'open' THEN 'retired' ELSE x.status END
RETURN count(x) AS retired
