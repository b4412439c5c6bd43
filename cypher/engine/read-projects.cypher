// Projects (loaded, not placeholders) for the engine's projection. Parameters: none.
MATCH (p:Project) WHERE p.placeholder IS NULL
RETURN p.id AS id, p.name AS name, p.tenderer AS tenderer, p.agent AS agent, p.supervisor AS supervisor,
       p.region AS region, p.sector AS sector, p.procedure AS procedure, p.category AS category,
       p.budget AS budget, p.project_code AS projectCode, properties(p) AS props
