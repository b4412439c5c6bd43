// Flags a person has triaged (confirmed, dismissed, benign), with the shared values each cites, so
// the next rescoring can weigh dismissed values down and leave triaged-away flags out of lot risks.
// Parameters: none. Returns: id, status, values (["kind=value"]).
MATCH (x:Flag)
WHERE x.status IN ['confirmed', 'dismissed', 'benign']
RETURN x.id AS id, x.status AS status, coalesce(x.triage_values, []) AS values
