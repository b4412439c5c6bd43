// Schema of the trading graph: one uniqueness constraint per entity id and per shared value,
// plus the indexes that loads and joins look up by. Every statement is idempotent
// (IF NOT EXISTS), so it runs before every load. Parameters: none.
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT expert_id IF NOT EXISTS FOR (n:Expert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT lot_id IF NOT EXISTS FOR (n:Lot) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bid_id IF NOT EXISTS FOR (n:Bid) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT approval_id IF NOT EXISTS FOR (n:Approval) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sanction_id IF NOT EXISTS FOR (n:Sanction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT load_batch_id IF NOT EXISTS FOR (n:LoadBatch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ip_value IF NOT EXISTS FOR (n:IP) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT mac_value IF NOT EXISTS FOR (n:MAC) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT machine_code_value IF NOT EXISTS FOR (n:MachineCode) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT certificate_value IF NOT EXISTS FOR (n:Certificate) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT doc_hash_value IF NOT EXISTS FOR (n:DocHash) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT doc_author_value IF NOT EXISTS FOR (n:DocAuthor) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT bank_account_value IF NOT EXISTS FOR (n:BankAccount) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT phone_value IF NOT EXISTS FOR (n:Phone) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT email_value IF NOT EXISTS FOR (n:Email) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT address_value IF NOT EXISTS FOR (n:Address) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT qualification_value IF NOT EXISTS FOR (n:Qualification) REQUIRE n.value IS UNIQUE;
CREATE INDEX project_code IF NOT EXISTS FOR (n:Project) ON (n.project_code);
CREATE INDEX approval_project_code IF NOT EXISTS FOR (n:Approval) ON (n.project_code);
CREATE INDEX sanction_entity IF NOT EXISTS FOR (n:Sanction) ON (n.entity);
CREATE INDEX person_id_hash IF NOT EXISTS FOR (n:Person) ON (n.id_hash);
CREATE INDEX organization_uscc IF NOT EXISTS FOR (n:Organization) ON (n.uscc);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX project_region IF NOT EXISTS FOR (n:Project) ON (n.region);
CREATE INDEX organization_placeholder IF NOT EXISTS FOR (n:Organization) ON (n.placeholder);
CREATE INDEX person_placeholder IF NOT EXISTS FOR (n:Person) ON (n.placeholder);
CREATE INDEX expert_placeholder IF NOT EXISTS FOR (n:Expert) ON (n.placeholder);
CREATE INDEX project_placeholder IF NOT EXISTS FOR (n:Project) ON (n.placeholder);
CREATE INDEX lot_placeholder IF NOT EXISTS FOR (n:Lot) ON (n.placeholder);
CREATE CONSTRAINT flag_id IF NOT EXISTS FOR (n:Flag) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT scoring_run_id IF NOT EXISTS FOR (n:ScoringRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT benign_value IF NOT EXISTS FOR (n:BenignValue) REQUIRE (n.kind, n.value) IS UNIQUE;
CREATE CONSTRAINT engine_state_id IF NOT EXISTS FOR (n:EngineState) REQUIRE n.id IS UNIQUE;
CREATE INDEX flag_active IF NOT EXISTS FOR (n:Flag) ON (n.active);
CREATE INDEX flag_changed_at IF NOT EXISTS FOR (n:Flag) ON (n.changed_at);
CREATE INDEX flag_feed_key IF NOT EXISTS FOR (n:Flag) ON (n.feed_key);
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT api_key_active_name IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.active_name IS UNIQUE;
CREATE INDEX api_key_hash IF NOT EXISTS FOR (n:ApiKey) ON (n.hash);
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE;
CREATE INDEX webhook_key IF NOT EXISTS FOR (n:Webhook) ON (n.key_id);
CREATE CONSTRAINT webhook_dead_letter_delivery IF NOT EXISTS FOR (n:WebhookDeadLetter) REQUIRE n.delivery IS UNIQUE;
CREATE INDEX webhook_dead_letter_webhook IF NOT EXISTS FOR (n:WebhookDeadLetter) ON (n.webhook);
// Full-text index of names for GET /search (Lucene, standard analyzer: Latin words, and each Han
// character as a token, so a quoted phrase finds a substring of a Chinese name).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Organization|Person|Expert|Project) ON EACH [n.name];
