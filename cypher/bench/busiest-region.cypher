// The 4-digit region prefix with the most active flags, and the earliest change among them: a
// feed page from there is a full page of 50 (bench:api). Parameters: none. Returns: region, since.
MATCH (x:Flag) WHERE x.active = true AND size(x.jurisdictions) = 1
WITH substring(x.jurisdictions[0], 0, 4) AS region, count(x) AS flags, min(x.changed_at) AS since
ORDER BY flags DESC LIMIT 1
RETURN region, since
