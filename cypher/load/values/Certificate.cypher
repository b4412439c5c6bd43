// Creates the shared-value nodes (Certificate) that rows of one batch link to; existing ones are kept.
// Parameters: $values [string], $load. Returns: nothing.
UNWIND $values AS v
MERGE (x:Certificate {value: v})
ON CREATE SET x.load_id = $load
