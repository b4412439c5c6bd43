// Every node (but LoadBatch bookkeeping) and relationship as plain values, to fingerprint the
// graph: two loads that leave the same digest changed nothing. Meant for tests and audits of
// small graphs. Parameters: none. Returns: kind ('node'|'rel'), item (map).
MATCH (n) WHERE NOT n:LoadBatch
RETURN 'node' AS kind, {labels: labels(n), props: properties(n)} AS item
UNION ALL
MATCH (a)-[r]->(b) WHERE NOT a:LoadBatch
RETURN 'rel' AS kind, {type: type(r), props: properties(r),
  from: [labels(a), coalesce(a.id, a.value)], to: [labels(b), coalesce(b.id, b.value)]} AS item
