// Provenance of a case file (案卷): the LoadBatch records (file, SHA-256, format, source system,
// times, counts, status) its facts came from, by id, and the newest finished load (the data
// "as of"). LoadBatch nodes are one per loaded file, so ordering them is cheap.
// Parameters: $ids [id]. Returns: batches [{…}], last ({…} or null); the load report is left out.
RETURN COLLECT {
         UNWIND $ids AS id
         MATCH (b:LoadBatch {id: id})
         RETURN b {.id, .file, .checksum, .format, .source, .status, .started_at, .finished_at, .first_started_at,
                   .records, .written, .rejected, .runs} AS b ORDER BY b.id
       } AS batches,
       COLLECT {
         MATCH (b:LoadBatch)
         WHERE b.status IN ['loaded', 'partial']
         RETURN b {.id, .file, .checksum, .format, .source, .status, .started_at, .finished_at, .first_started_at,
                   .records, .written, .rejected, .runs} AS b
         ORDER BY coalesce(b.finished_at, b.started_at) DESC, b.id LIMIT 1
       }[0] AS last
