// Opens the provenance record of one load (one file or CSV folder): LoadBatch, keyed by the
// content checksum, so loading the same bytes again reuses it. Every node a load writes carries
// load_id (last writer) and first_load_id (first writer) pointing here.
// Parameters: $id, $file, $checksum, $format, $source, $now (ISO time). Returns: id, runs.
MERGE (b:LoadBatch {id: $id})
ON CREATE SET b.first_started_at = $now, b.runs = 0
SET b.file = $file, b.checksum = $checksum, b.format = $format, b.source = $source,
    b.status = 'running', b.started_at = $now, b.runs = b.runs + 1
RETURN b.id AS id, b.runs AS runs
