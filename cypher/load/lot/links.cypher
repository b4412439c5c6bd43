// Links lots to their project. Parameters: $rows [{id, project}]. Returns: nothing.
UNWIND $rows AS r
MATCH (l:Lot {id: r.id})
MATCH (p:Project {id: r.project})
CREATE (p)-[:HAS_LOT]->(l)
