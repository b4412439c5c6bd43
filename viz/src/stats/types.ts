/** Shapes of GET /stats/overview, /stats/prices and /stats/process (api/views/stats.ts), as the dashboard reads them. */

/** A row of GET /projects. */
export interface ProjectItem {
  id: string;
  name: string | null;
  region: string | null;
  sector: string | null;
  announced: string | null;
  lots: number;
  bids: number;
  risk: number | null;
  flags: number;
}

export interface StatsFilters {
  from?: string;
  to?: string;
  region?: string;
  sector?: string;
}

export interface Counts {
  projects: number;
  lots: number;
  bids: number;
  awarded_amount: number;
  single_bid_lots: number;
  failed_lots: number;
  retendered_projects: number;
}

export interface Overview extends Counts {
  by_sector: (Counts & { sector: string | null })[];
  by_region: (Counts & { region: string | null })[];
  by_month: (Counts & { month: string | null })[];
  flags_by_detector: { detector: string; flags: number; high: number }[];
}

export interface Quantiles {
  lots: number;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

export interface Outlier {
  lot: string;
  project: string;
  sector: string | null;
  band: string;
  ceiling: number;
  price: number;
  ratio: number;
  group_median: number;
  group_p10: number;
  group_p90: number;
}

export interface Prices {
  lots: number;
  priced_lots: number;
  ratio: Quantiles | null;
  by_sector: (Quantiles & { sector: string | null })[];
  by_region: (Quantiles & { region: string | null })[];
  bidders_per_lot: {
    histogram: { bidders: number; lots: number }[];
    quantiles: (Quantiles & { mean: number | null }) | null;
  };
  similar_lots: { outliers: Outlier[]; outliers_limit: number };
}

export interface Stage {
  from: string;
  to: string;
  lots: number;
  median_days: number;
  p90_days: number;
}

export interface Breach {
  rule: string;
  basis: string;
  min_days?: number;
  max_days?: number;
  checked: number;
  broken: number;
  median_days: number | null;
}

export interface AgentWait {
  agent: { id: string | null; name: string | null };
  lots: number;
  median_days: number;
  p90_days: number;
  longest_stage: Stage | null;
}

export interface Process {
  stages: Stage[];
  total: Stage | null;
  breaches: Breach[];
  ranking: { stages: Stage[]; agents: AgentWait[] };
}
