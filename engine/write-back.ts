/**
 * Persists a scoring result: flags (kept by id, retired not deleted), communities with their
 * members, lot and entity risks, and a ScoringRun record. Computing and writing are separate
 * (like graphology's louvain vs louvain.assign): score.ts returns, this module writes.
 */
import { createHash } from 'node:crypto';
import { Graph } from '../cypher/runner';
import { Flag } from './flag';
import { ScoreResult } from './score';

const BATCH = 5000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/**
 * Where findings sit: the lot of a bid, and a lot's jurisdiction as "region|sector" of its project
 * (either part empty when unknown). Flags and communities carry the jurisdictions of their lots, so
 * that the API can keep each key to its remit inside the query.
 */
export interface Locator {
  lotOfBid(bid: string): string | undefined;
  jurisdictionOfLot(lot: string): string;
}

const jurisdictionsOf = (lots: Iterable<string>, where: Locator) =>
  [...new Set([...lots].map((l) => where.jurisdictionOfLot(l)))].sort();

function flagRow(flag: Flag, where: Locator) {
  const lots = new Set<string>(flag.lot ? [flag.lot] : []);
  for (const bid of flag.bids) {
    const lot = where.lotOfBid(bid);
    if (lot) lots.add(lot);
  }
  const evidence = JSON.stringify(flag.evidence);
  return {
    id: flag.id,
    detector: flag.detector,
    score: flag.score,
    severity: flag.severity,
    lot: flag.lot ?? null,
    project: flag.project ?? null,
    lots: [...lots].sort(),
    jurisdictions: jurisdictionsOf(lots, where),
    entities: flag.entities,
    bids: flag.bids,
    basis: flag.basis,
    summary: flag.summary,
    evidence,
    hash: createHash('sha256').update(`${flag.score}|${flag.summary}|${evidence}`).digest('hex').slice(0, 24),
  };
}

export interface WriteSummary {
  flags: number;
  changed: number;
  retired: number;
  communities: number;
  lots: number;
}

export async function writeBack(
  graph: Graph,
  result: ScoreResult,
  run: { id: string; now: string; scope?: ReadonlySet<string> },
  where: Locator,
): Promise<WriteSummary> {
  const params = { run: run.id, now: run.now };
  let written = 0;
  let changed = 0;
  for (const part of chunks(result.flags.map((f) => flagRow(f, where)))) {
    const { rows } = await graph.write('engine/write-flags', { ...params, flags: part });
    written += Number(rows[0]?.written ?? 0);
    changed += Number(rows[0]?.changed ?? 0);
  }
  const { rows: retiredRows } = await graph.write('engine/retire-flags', {
    ...params,
    scope: run.scope ? [...run.scope] : null,
  });
  const communities = result.communities.map((c) => ({
    id: c.id,
    score: c.score,
    size: c.members.length,
    members: c.members,
    meetings: c.meetings.length,
    jurisdictions: jurisdictionsOf(c.meetings, where),
    features: JSON.stringify(c.features),
  }));
  await graph.write('engine/write-communities', { ...params, communities });
  await graph.write('engine/retire-communities', params);
  for (const part of chunks(result.lots.map((l) => ({ ...l, components: JSON.stringify(l.components) })))) {
    await graph.write('engine/write-lot-risk', { run: run.id, rows: part });
  }
  const entities = [...result.entities.entries()].map(([id, score]) => ({ id, score }));
  for (const part of chunks(entities)) await graph.write('engine/write-entity-risk', { run: run.id, rows: part });
  return {
    flags: written,
    changed,
    retired: Number(retiredRows[0]?.retired ?? 0),
    communities: communities.length,
    lots: result.lots.length,
  };
}
