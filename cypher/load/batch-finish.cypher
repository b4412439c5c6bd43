// Closes a LoadBatch with its outcome and counts (report is the load report as JSON text).
// Parameters: $id, $status ('loaded', 'partial', 'rejected', 'failed'), $now, $records, $written,
// $rejected, $report. Returns: id.
MATCH (b:LoadBatch {id: $id})
SET b.status = $status, b.finished_at = $now, b.records = $records, b.written = $written,
    b.rejected = $rejected, b.report = $report
RETURN b.id AS id
