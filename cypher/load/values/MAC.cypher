// Creates the shared-value nodes (MAC) that rows of one batch link to; existing ones are kept.
// Parameters: $values [string], $load. Returns: nothing.
UNWIND $values AS v
MERGE (x:MAC {value: v})
ON CREATE SET x.load_id = $load
