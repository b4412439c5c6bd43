// Makes sure every Organization id a batch refers to exists: an id not loaded yet becomes a placeholder
// (placeholder = true) that its own record fills in later. Parameters: $ids [string], $load.
UNWIND $ids AS id
MERGE (x:Organization {id: id})
ON CREATE SET x.placeholder = true, x.load_id = $load
