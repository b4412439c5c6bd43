// How many flags the graph has (bench:api scores the graph first when none). Returns: flags.
MATCH (x:Flag) RETURN count(x) AS flags
