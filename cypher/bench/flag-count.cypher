// How many flags carry jurisdictions (bench:api scores the graph first when none do: flags written
// before jurisdictions existed cannot be scoped). Returns: flags.
MATCH (x:Flag) WHERE x.jurisdictions IS NOT NULL RETURN count(x) AS flags
