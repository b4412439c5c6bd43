// Approvals of the investment-approval platform. Parameters: none.
MATCH (a:Approval)
RETURN a.id AS id, a.project_code AS projectCode, a.kind AS kind, a.approved_at AS approvedAt,
       a.investment AS investment, a.tendering_mode AS tenderingMode,
       coalesce(a.tendering_scope, []) AS tenderingScope, a.region AS region, a.authority AS authority
