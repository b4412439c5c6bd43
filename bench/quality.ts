/**
 * Quality measures of the engine against a generator's ground truth (truth.json): per-family
 * recall and precision, the share of benign look-alikes flagged, lot ROC-AUC and precision@k.
 * Pure functions, so the measures themselves are unit-tested.
 */

export interface TruthItem {
  id: string;
  family?: string;
  kind?: string;
  lots: string[];
  entities: string[];
}

export interface Truth {
  schemes: TruthItem[];
  benign: TruthItem[];
}

export interface ScoredFlag {
  detector: string;
  score: number;
  lots: string[];
  entities: string[];
}

const overlaps = (a: string[], b: string[]) => a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));

/** A flag matches a planted scheme of its own family when their lots and entities overlap. */
export function matches(flag: ScoredFlag, scheme: TruthItem): boolean {
  return (
    flag.detector === scheme.family && overlaps(flag.lots, scheme.lots) && overlaps(flag.entities, scheme.entities)
  );
}

/** The flag points at a planted scheme of any family (same lots and some of its parties). */
function touchesAnyScheme(flag: ScoredFlag, schemes: TruthItem[]): boolean {
  return schemes.some(
    (s) => s.lots.some((l) => flag.lots.includes(l)) && flag.entities.some((e) => s.entities.includes(e)),
  );
}

export interface FamilyQuality {
  family: string;
  planted: number;
  found: number;
  recall: number;
  flags: number;
  /** Flags matching a scheme of their own family. */
  precision: number;
  /** Flags pointing at any planted scheme (a cartel's lots carry several families at once). */
  precisionAnyScheme: number;
}

export function familyQuality(family: string, flags: ScoredFlag[], truth: Truth): FamilyQuality {
  const schemes = truth.schemes.filter((s) => s.family === family);
  const own = flags.filter((f) => f.detector === family);
  const found = schemes.filter((s) => own.some((f) => matches(f, s))).length;
  const correct = own.filter((f) => schemes.some((s) => matches(f, s))).length;
  const anyScheme = own.filter((f) => touchesAnyScheme(f, truth.schemes)).length;
  return {
    family,
    planted: schemes.length,
    found,
    recall: schemes.length ? found / schemes.length : NaN,
    flags: own.length,
    precision: own.length ? correct / own.length : NaN,
    precisionAnyScheme: own.length ? anyScheme / own.length : NaN,
  };
}

/**
 * Share of benign look-alikes that a flag (score ≥ minScore) lands on: the flag involves two of
 * the look-alike's parties (one when it names a single party), in its lots when it has lots, and
 * points at no planted scheme.
 */
export function benignFlaggedShare(flags: ScoredFlag[], truth: Truth, minScore = 0.5): number {
  const items = truth.benign.filter((b) => b.entities.length > 0);
  if (items.length === 0) return 0;
  const strong = flags.filter((f) => f.score >= minScore && !touchesAnyScheme(f, truth.schemes));
  const flagged = items.filter((b) =>
    strong.some((f) => {
      const shared = f.entities.filter((e) => b.entities.includes(e)).length;
      return (
        shared >= Math.min(2, b.entities.length) && (b.lots.length === 0 || f.lots.some((l) => b.lots.includes(l)))
      );
    }),
  );
  return flagged.length / items.length;
}

/** ROC-AUC of scores against labels (Mann–Whitney U, ties counted half). */
export function rocAuc(scored: { score: number; positive: boolean }[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j += 1;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k += 1) {
      if (sorted[k].positive) {
        rankSum += rank;
        positives += 1;
      }
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of positives among the k highest scores (ties broken by the given order). */
export function precisionAtK(scored: { score: number; positive: boolean }[], k: number): number {
  const top = [...scored].sort((a, b) => b.score - a.score).slice(0, k);
  return top.length ? top.filter((s) => s.positive).length / top.length : NaN;
}
