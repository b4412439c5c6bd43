/**
 * A rescoring run against the graph: read the projection, score (everything with `full`, else
 * only the lots touched by loads since the last run), write back, record the run. Used by
 * `collusion score` and by the bull `rescore` job.
 */
import { randomUUID } from 'node:crypto';
import { Graph } from '../cypher/runner';
import { readProjection } from './projection-read';
import { scoreProjection } from './score';
import { EngineSettings, loadSettings, settingsHash } from './settings';
import { loadConfig } from '../lib/config';
import { WriteSummary, writeBack } from './write-back';

export interface RescoreReport extends WriteSummary {
  run: string;
  mode: 'full' | 'incremental';
  /** Lots evaluated (all lots with bids in a full run). */
  scoped: number;
  phases: Record<string, number>;
}

/**
 * The lots an incremental run scores: those touched by loads since the last run; undefined (a full
 * run) before the first run and after operators changed what shared values weigh.
 */
async function touchedLots(graph: Graph): Promise<Set<string> | undefined> {
  const [last] = await graph.read('engine/last-run');
  if (!last) return undefined;
  const [weights] = await graph.read('engine/weights-changed');
  if (weights && String(weights.changed) >= String(last.started)) return undefined;
  const rows = await graph.read('engine/touched-lots', { since: String(last.started) });
  return new Set(rows.map((r) => String(r.lot)));
}

export async function rescore(
  graph: Graph,
  options: { full?: boolean; log?: (line: string) => void; settings?: EngineSettings } = {},
): Promise<RescoreReport> {
  await graph.applySchema();
  await graph.write('engine/backfill-feed-key');
  const started = new Date().toISOString();
  const phases: Record<string, number> = {};
  const clock = performance.now();
  const scope = options.full ? undefined : await touchedLots(graph);
  const mode = scope === undefined ? 'full' : 'incremental';
  options.log?.(`rescoring (${mode}${scope ? `, ${scope.size} touched lots` : ''})…`);
  let mark = performance.now();
  const projection = await readProjection(graph);
  phases.read = Math.round(performance.now() - mark);
  const settings = options.settings ?? loadSettings(loadConfig().settingsFile);
  const result = scoreProjection(projection, scope, settings);
  Object.assign(phases, result.phases);
  mark = performance.now();
  const run = randomUUID();
  const summary = await writeBack(
    graph,
    result,
    { id: run, now: started, scope },
    {
      lotOfBid: (bid) => projection.bids.get(bid)?.lot,
      jurisdictionOfLot: (lot) => {
        const project = projection.projects.get(projection.lots.get(lot)?.project ?? '');
        return `${project?.region ?? ''}|${project?.sector ?? ''}`;
      },
    },
  );
  phases.write = Math.round(performance.now() - mark);
  phases.total = Math.round(performance.now() - clock);
  await graph.write('engine/scoring-run', {
    id: run,
    mode,
    started,
    finished: new Date().toISOString(),
    flags: summary.flags,
    lots: summary.lots,
    retired: summary.retired,
    phases: JSON.stringify(phases),
    settingsHash: settingsHash(settings),
  });
  return { run, mode, scoped: scope?.size ?? projection.lots.size, phases, ...summary };
}
