// Links bids to their bidder and lot and to everything that can link two bidders: upload IP,
// MAC, machine code (硬件特征码), CA certificate, document hash and author, bond account and
// payer (保证金), contact phone, contact person, project manager and agent person (委托代理人).
// Parameters: $rows [{id, lot, bidder, ip[], mac[], machine[], cert[], doc[], author[],
// account[], phone[], contact[], manager[], agent[], payerPerson[], payerOrg[]}]. Returns: nothing.
UNWIND $rows AS r
MATCH (b:Bid {id: r.id})
MATCH (o:Organization {id: r.bidder})
MATCH (l:Lot {id: r.lot})
CREATE (o)-[:PLACED]->(b)-[:FOR]->(l)
WITH b, r
CALL (b, r) { UNWIND r.ip AS v MATCH (x:IP {value: v}) CREATE (b)-[:FROM_IP]->(x) }
CALL (b, r) { UNWIND r.mac AS v MATCH (x:MAC {value: v}) CREATE (b)-[:FROM_MAC]->(x) }
CALL (b, r) { UNWIND r.machine AS v MATCH (x:MachineCode {value: v}) CREATE (b)-[:FROM_MACHINE]->(x) }
CALL (b, r) { UNWIND r.cert AS v MATCH (x:Certificate {value: v}) CREATE (b)-[:SIGNED_WITH]->(x) }
CALL (b, r) { UNWIND r.doc AS v MATCH (x:DocHash {value: v}) CREATE (b)-[:HAS_DOC]->(x) }
CALL (b, r) { UNWIND r.author AS v MATCH (x:DocAuthor {value: v}) CREATE (b)-[:AUTHORED_BY]->(x) }
CALL (b, r) { UNWIND r.account AS v MATCH (x:BankAccount {value: v}) CREATE (b)-[:BOND_FROM]->(x) }
CALL (b, r) { UNWIND r.phone AS v MATCH (x:Phone {value: v}) CREATE (b)-[:CONTACT_PHONE]->(x) }
CALL (b, r) { UNWIND r.contact AS v MATCH (x:Person {id: v}) CREATE (b)-[:CONTACT_PERSON]->(x) }
CALL (b, r) { UNWIND r.manager AS v MATCH (x:Person {id: v}) CREATE (b)-[:PROJECT_MANAGER]->(x) }
CALL (b, r) { UNWIND r.agent AS v MATCH (x:Person {id: v}) CREATE (b)-[:AGENT_PERSON]->(x) }
CALL (b, r) { UNWIND r.payerPerson AS v MATCH (x:Person {id: v}) CREATE (b)-[:BOND_PAID_BY]->(x) }
CALL (b, r) { UNWIND r.payerOrg AS v MATCH (x:Organization {id: v}) CREATE (b)-[:BOND_PAID_BY]->(x) }
