// Bids for the engine's projection; their normalised shared values are properties of the bid.
// Parameters: none. Returns: one row per bid (streamed).
MATCH (b:Bid)
RETURN b.id AS id, b.lot AS lot, b.bidder AS bidder, b.price AS price, b.submitted_at AS submittedAt,
       b.ip AS ip, b.mac AS mac, b.machine_code AS machineCode, b.ca_cert AS caCert, b.doc_hash AS docHash,
       b.doc_author AS docAuthor, b.bond_account AS bondAccount, b.bond_payer AS bondPayer,
       b.contact_phone AS contactPhone, b.contact_person AS contactPerson, b.project_manager AS projectManager,
       b.agent_person AS agentPerson, b.rank AS rank, b.score AS score, b.status AS status, b.won AS won
