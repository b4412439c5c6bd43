// Removes a changed sanction's entity links before they are made anew. Parameters: $ids [string].
UNWIND $ids AS id
MATCH ()-[old:SANCTIONED]->(:Sanction {id: id})
DELETE old
