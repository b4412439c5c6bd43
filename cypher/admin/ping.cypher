// Liveness probe of the graph database. Parameters: none. Returns: ok.
RETURN 1 AS ok
