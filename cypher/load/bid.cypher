// Upserts bids (投标) with everything that can link two bidders: upload IP, MAC, machine code
// (硬件特征码), CA certificate, document hash and author, bond account and payer (保证金),
// contact phone, and the contact person, project manager and agent person (委托代理人) named.
// A bond payer is a Person when a person with that id is loaded, otherwise an Organization.
// Parameters: $rows [{id, hash, props, lot, bidder, ip[], mac[], machine[], cert[], doc[],
// author[], account[], phone[], payer, contact[], manager[], agent[]}], $load. Returns: changed.
UNWIND $rows AS r
MERGE (b:Bid {id: r.id})
WITH b, r WHERE b.rec_hash IS NULL OR b.rec_hash <> r.hash
OPTIONAL MATCH (b)-[old]->()
DELETE old
WITH DISTINCT b, r
OPTIONAL MATCH (:Organization)-[oldPlaced:PLACED]->(b)
DELETE oldPlaced
WITH DISTINCT b, r, coalesce(b.first_load_id, $load) AS firstLoad
SET b = r.props, b.rec_hash = r.hash, b.load_id = $load, b.first_load_id = firstLoad
MERGE (l:Lot {id: r.lot}) ON CREATE SET l.placeholder = true, l.load_id = $load
MERGE (o:Organization {id: r.bidder}) ON CREATE SET o.placeholder = true, o.load_id = $load
CREATE (o)-[:PLACED]->(b)-[:FOR]->(l)
FOREACH (v IN r.ip | MERGE (x:IP {value: v}) ON CREATE SET x.load_id = $load CREATE (b)-[:FROM_IP]->(x))
FOREACH (v IN r.mac | MERGE (x:MAC {value: v}) ON CREATE SET x.load_id = $load CREATE (b)-[:FROM_MAC]->(x))
FOREACH (v IN r.machine |
  MERGE (x:MachineCode {value: v}) ON CREATE SET x.load_id = $load
  CREATE (b)-[:FROM_MACHINE]->(x))
FOREACH (v IN r.cert |
  MERGE (x:Certificate {value: v}) ON CREATE SET x.load_id = $load
  CREATE (b)-[:SIGNED_WITH]->(x))
FOREACH (v IN r.doc | MERGE (x:DocHash {value: v}) ON CREATE SET x.load_id = $load CREATE (b)-[:HAS_DOC]->(x))
FOREACH (v IN r.author |
  MERGE (x:DocAuthor {value: v}) ON CREATE SET x.load_id = $load
  CREATE (b)-[:AUTHORED_BY]->(x))
FOREACH (v IN r.account |
  MERGE (x:BankAccount {value: v}) ON CREATE SET x.load_id = $load
  CREATE (b)-[:BOND_FROM]->(x))
FOREACH (v IN r.phone |
  MERGE (x:Phone {value: v}) ON CREATE SET x.load_id = $load
  CREATE (b)-[:CONTACT_PHONE]->(x))
FOREACH (v IN r.contact |
  MERGE (x:Person {id: v}) ON CREATE SET x.placeholder = true, x.load_id = $load
  CREATE (b)-[:CONTACT_PERSON]->(x))
FOREACH (v IN r.manager |
  MERGE (x:Person {id: v}) ON CREATE SET x.placeholder = true, x.load_id = $load
  CREATE (b)-[:PROJECT_MANAGER]->(x))
FOREACH (v IN r.agent |
  MERGE (x:Person {id: v}) ON CREATE SET x.placeholder = true, x.load_id = $load
  CREATE (b)-[:AGENT_PERSON]->(x))
WITH b, r
OPTIONAL MATCH (payerPerson:Person {id: r.payer})
FOREACH (x IN CASE WHEN payerPerson IS NULL THEN [] ELSE [payerPerson] END | CREATE (b)-[:BOND_PAID_BY]->(x))
FOREACH (v IN CASE WHEN payerPerson IS NULL AND r.payer IS NOT NULL THEN [r.payer] ELSE [] END |
  MERGE (x:Organization {id: v}) ON CREATE SET x.placeholder = true, x.load_id = $load
  CREATE (b)-[:BOND_PAID_BY]->(x))
RETURN count(b) AS changed
