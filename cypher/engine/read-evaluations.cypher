// Evaluation scores, expert × bidder × lot. Parameters: none.
MATCH (e:Expert)-[s:SCORED]->(o:Organization)
RETURN s.lot AS lot, e.id AS expert, o.id AS bidder, s.score AS score, s.criterion AS criterion
