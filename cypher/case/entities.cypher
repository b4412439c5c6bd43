// The organisations, persons and experts a case file (案卷) names, by id (uniqueness constraints,
// no scan): properties, the shared values they hold (phones, e-mails, addresses), legal
// representatives, employers, the person behind an expert, their credit-platform sanctions, and
// the ties among the ids asked for (the relationship types of cypher/load/tie.cypher, tie: true).
// Jurisdiction was checked on the flag or community that named them.
// Parameters: $ids [id].
// Returns one row per id found: kind ('organization' | 'person' | 'expert'), props (all properties),
// phones, emails, addresses, legal_reps, employers, persons [id], sanctions (all properties),
// ties [{type, kind, to, share, since, until, load_id}].
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Organization {id: id}) RETURN n, 'organization' AS kind
  UNION
  MATCH (n:Person {id: id}) RETURN n, 'person' AS kind
  UNION
  MATCH (n:Expert {id: id}) RETURN n, 'expert' AS kind
}
RETURN kind,
       properties(n) AS props,
       COLLECT { MATCH (n)-[:HAS_PHONE]->(x:Phone) RETURN x.value ORDER BY x.value } AS phones,
       COLLECT { MATCH (n)-[:HAS_EMAIL]->(x:Email) RETURN x.value ORDER BY x.value } AS emails,
       COLLECT { MATCH (n)-[:LOCATED_AT]->(x:Address) RETURN x.value ORDER BY x.value } AS addresses,
       COLLECT { MATCH (n)<-[:LEGAL_REP_OF]-(x:Person) RETURN DISTINCT x.id AS v ORDER BY v } AS legal_reps,
       COLLECT { MATCH (n)-[:EMPLOYED_BY]->(x:Organization) RETURN DISTINCT x.id AS v ORDER BY v } AS employers,
       COLLECT { MATCH (n)-[:IS_PERSON]->(x:Person) RETURN DISTINCT x.id AS v ORDER BY v } AS persons,
       COLLECT { MATCH (n)-[:SANCTIONED]->(s:Sanction) RETURN properties(s) AS s ORDER BY coalesce(s.date, ''), s.id } AS sanctions,
       COLLECT {
         MATCH (n)-[r:LEGAL_REP_OF|SHAREHOLDER_OF|EXECUTIVE_OF|EMPLOYED_BY|FORMERLY_EMPLOYED_BY|RELATIVE_OF|PARENT_COMPANY_OF|SAME_CONTROLLER_AS|SUPERVISES|TIE]->(m)
         WHERE r.tie = true AND m.id IN $ids
         RETURN {type: type(r), kind: r.kind, to: m.id, share: r.share, since: r.since, until: r.until, load_id: r.load_id} AS t
         ORDER BY t.type, t.to
       } AS ties
