// Removes a changed lot's link to its project before it links anew. Parameters: $ids [string].
UNWIND $ids AS id
MATCH (:Project)-[old:HAS_LOT]->(:Lot {id: id})
DELETE old
