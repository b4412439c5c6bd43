// Creates the shared-value nodes (Phone) that rows of one batch link to; existing ones are kept.
// Parameters: $values [string], $load. Returns: nothing.
UNWIND $values AS v
MERGE (x:Phone {value: v})
ON CREATE SET x.load_id = $load
