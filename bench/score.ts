/**
 * `npm run bench:score`: how long rescoring takes, per phase (reading the projection, building
 * the indexes and graphs, each detector, Louvain, write-back), next to the projection read as the
 * baseline measured in the same run, then the incremental rescoring after a load that changes 1%
 * of the bids. Runs on the graph already loaded in its data dir (bench:ingest leaves one there),
 * or loads `--file F` first; the 1 % change is taken from that file (or `--change-from F`). Uses data/bench and port 7697 unless NEO4J_URI is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { option } from './options';
import { Graph } from '../cypher/runner';
import { rescore, RescoreReport } from '../engine/rescore';
import { IdHasher } from '../ingest/normalise/id-number';
import { loadPaths } from '../ingest/load';
import { loadConfig } from '../lib/config';
import { ensureNeo4j } from '../tools/neo4j';
import { graphCounts } from '../cli/commands/stats';

/** Writes every 100th bid of `file` with its price raised by one yuan: a 1 % change load. */
async function onePercentChange(file: string, out: string): Promise<number> {
  const lines: string[] = [];
  let bids = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    if (!line.includes('"type":"bid"')) continue;
    bids += 1;
    if (bids % 100 !== 0) continue;
    const bid = JSON.parse(line) as { price: number };
    bid.price += 1;
    lines.push(JSON.stringify(bid));
  }
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  return lines.length;
}

function phases(report: RescoreReport): Record<string, number> {
  const detectors = Object.entries(report.phases)
    .filter(([k]) => k.startsWith('detector:'))
    .reduce((n, [, v]) => n + v, 0);
  return {
    read_ms: report.phases.read,
    indexes_ms: report.phases.context,
    detectors_ms: detectors,
    communities_louvain_ms: report.phases.communities,
    lot_risk_ms: report.phases['lot-risk'],
    write_ms: report.phases.write,
    total_ms: report.phases.total,
  };
}

async function main(): Promise<void> {
  process.env.COLLUSION_DATA_DIR ??= path.resolve('data', 'bench');
  process.env.COLLUSION_NEO4J_PORT ??= '7697';
  const config = loadConfig();
  const graph = await Graph.connect(await ensureNeo4j(config, { log: (l) => console.error(l) }));
  try {
    const file = option('file');
    const hasher = IdHasher.forDataDir(config.dataDir, config.idHashKey);
    const reportDir = path.join(config.dataDir, 'loads');
    if (file) await loadPaths(graph, [file], hasher, { reportDir });
    const counts = await graphCounts(graph);
    console.error(`graph: ${counts.bids} bids, ${counts.lots} lots; full rescoring…`);
    const full = await rescore(graph, { full: true, log: (l) => console.error(l) });
    const datasets = path.join(config.dataDir, 'datasets');
    const source =
      option('change-from') ??
      file ??
      (fs.existsSync(datasets)
        ? fs
            .readdirSync(datasets)
            .map((d) => path.join(datasets, d, 'trading.ndjson'))
            .find((f) => fs.existsSync(f))
        : undefined);
    const result: Record<string, unknown> = {
      bids: counts.bids,
      lots: counts.lots,
      full: phases(full),
      full_to_read_ratio: +(full.phases.total / full.phases.read).toFixed(2),
      per_detector_ms: Object.fromEntries(Object.entries(full.phases).filter(([k]) => k.startsWith('detector:'))),
    };
    if (source) {
      const change = path.join(config.dataDir, 'one-percent.ndjson');
      const changed = await onePercentChange(source, change);
      console.error(`loading a 1% change (${changed} bids)…`);
      await loadPaths(graph, [change], hasher, { reportDir });
      const incremental = await rescore(graph, { log: (l) => console.error(l) });
      result.incremental = { changed_bids: changed, lots: incremental.scoped, ...phases(incremental) };
      result.incremental_to_full_ratio = +(incremental.phases.total / full.phases.total).toFixed(2);
    }
    console.log(JSON.stringify(result, null, 2));
    fs.mkdirSync('bench-results', { recursive: true });
    fs.writeFileSync(path.join('bench-results', `score-${counts.bids}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
