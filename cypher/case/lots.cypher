// The lots of a case file (案卷), read by id through the uniqueness constraints, never by scan:
// each lot in the caller's jurisdiction with its project, the project's tenderer, agent and
// supervising department, every bid of the lot (its properties, bidder, and the persons or
// organisation it names: contact person, project manager, agent person, bond payer) and the panel.
// Lots outside the jurisdiction give no row. Every node carries load_id / first_load_id (its
// provenance: the LoadBatch that wrote it).
// Parameters: $lots [id], $regions, $sectors.
// Returns one row per lot: lot (all properties), project (all properties), tenderer, agent,
// supervisor ({id, name, load_id, first_load_id} or null), bids [{bid (all properties), bidder
// {id, name}, links [{rel, id}]}] in price order, panel [{expert, chair, drawn_at, load_id}].
UNWIND $lots AS lotId
MATCH (p:Project)-[:HAS_LOT]->(l:Lot {id: lotId})
WHERE ($regions IS NULL OR any(r IN $regions WHERE coalesce(p.region, '') STARTS WITH r))
  AND ($sectors IS NULL OR p.sector IN $sectors)
RETURN properties(l) AS lot,
       properties(p) AS project,
       COLLECT { MATCH (t:Organization)-[:TENDERED]->(p) RETURN t {.id, .name, .load_id, .first_load_id} ORDER BY t.id LIMIT 1 }[0] AS tenderer,
       COLLECT { MATCH (a:Organization)-[:AGENT_FOR]->(p) RETURN a {.id, .name, .load_id, .first_load_id} ORDER BY a.id LIMIT 1 }[0] AS agent,
       COLLECT { MATCH (s:Organization)-[:SUPERVISES]->(p) RETURN s {.id, .name, .load_id, .first_load_id} ORDER BY s.id LIMIT 1 }[0] AS supervisor,
       COLLECT {
         MATCH (o:Organization)-[:PLACED]->(b:Bid)-[:FOR]->(l)
         RETURN {
           bid: properties(b),
           bidder: o {.id, .name},
           links: COLLECT {
             MATCH (b)-[r:CONTACT_PERSON|PROJECT_MANAGER|AGENT_PERSON|BOND_PAID_BY]->(x)
             RETURN {rel: type(r), id: x.id} ORDER BY type(r), x.id
           }
         } ORDER BY b.price, b.id
       } AS bids,
       COLLECT {
         MATCH (e:Expert)-[sat:SAT_ON]->(l)
         RETURN {expert: e.id, chair: coalesce(sat.chair, false), drawn_at: sat.drawn_at, load_id: sat.load_id} ORDER BY e.id
       } AS panel
