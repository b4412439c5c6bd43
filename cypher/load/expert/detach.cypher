// Removes the links an expert record's own fields made (person, employers, phones, address);
// panel seats and scores come from other records and stay. Parameters: $ids [string].
UNWIND $ids AS id
MATCH (e:Expert {id: id})
OPTIONAL MATCH (e)-[old:IS_PERSON|EMPLOYED_BY|FORMERLY_EMPLOYED_BY|HAS_PHONE|LOCATED_AT]->()
DELETE old
