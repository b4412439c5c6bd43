// One flag by id, active or retired, with its triage. Parameters: $id. Returns: flag (all properties).
MATCH (x:Flag {id: $id})
RETURN properties(x) AS flag
