/**
 * `npm run bench:ingest`: how fast trading data loads, next to the plainest Bolt write of the same
 * bid rows measured in the same run on the same Neo4j. For each size (default ~100k and ~1M bids):
 * generate the data set, time `UNWIND $rows CREATE` of its bid rows (baseline), then time the real
 * load of the whole file (validation pass included), and report rates and peak memory.
 * Options: --lots 25000,250000 (lots per size; ~4 bids a lot), --batch 5000.
 * Uses its own data dir (data/bench) and Neo4j port (7697) unless NEO4J_URI is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { option } from './options';
import { Graph } from '../cypher/runner';
import { generate } from '../fixtures/generator';
import { IdHasher } from '../ingest/normalise/id-number';
import { loadPaths } from '../ingest/load';
import { loadConfig } from '../lib/config';
import { ensureNeo4j } from '../tools/neo4j';
import { nodePeakMiB, processPeakMiB } from './memory';

async function bidRows(file: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    if (!line.includes('"type":"bid"')) continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    rows.push({ id: r.id, lot: r.lot, bidder: r.bidder, price: r.price, ip: r.ip ?? null, mac: r.mac ?? null });
  }
  return rows;
}

async function baseline(graph: Graph, rows: Record<string, unknown>[], batch: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += batch) {
    await graph.writeTx((tx) => tx.run('bench/raw-create', { rows: rows.slice(i, i + batch) }));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await graph.runInTransactions('bench/raw-delete');
  return seconds;
}

async function main(): Promise<void> {
  process.env.COLLUSION_DATA_DIR ??= path.resolve('data', 'bench');
  process.env.COLLUSION_NEO4J_PORT ??= '7697';
  const config = loadConfig();
  const sizes = (option('lots') ?? '25000,250000').split(',').map(Number);
  const batch = Number(option('batch') ?? 5000);
  const endpoint = await ensureNeo4j(config, { log: (l) => console.error(l) });
  const graph = await Graph.connect(endpoint);
  const results = [];
  try {
    for (const lots of sizes) {
      const dir = path.join(config.dataDir, 'datasets', `lots-${lots}`);
      const file = path.join(dir, 'trading.ndjson');
      if (!fs.existsSync(file)) {
        console.error(`generating ${lots} lots into ${dir}…`);
        await generate({ lots, seed: 42, outDir: dir });
      }
      console.error(`emptying the graph…`);
      await graph.runInTransactions('admin/delete-all');
      await graph.applySchema();
      const rows = await bidRows(file);
      console.error(`baseline: UNWIND $rows CREATE of ${rows.length} bid rows…`);
      const rawSeconds = await baseline(graph, rows, 10000);
      console.error(`our load of ${file}…`);
      const started = process.hrtime.bigint();
      const report = await loadPaths(graph, [file], IdHasher.forDataDir(config.dataDir, config.idHashKey), {
        reportDir: path.join(config.dataDir, 'loads'),
        batchSize: batch,
        progress: true,
      });
      const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const source = report.sources[0];
      const startedAgain = process.hrtime.bigint();
      await loadPaths(graph, [file], IdHasher.forDataDir(config.dataDir, config.idHashKey), {
        reportDir: path.join(config.dataDir, 'loads'),
        batchSize: batch,
      });
      const reloadSeconds = Number(process.hrtime.bigint() - startedAgain) / 1e9;
      results.push({
        lots,
        bids: rows.length,
        records: source.records,
        baseline_bid_rows_per_s: Math.round(rows.length / rawSeconds),
        load_records_per_s: Math.round(source.records / loadSeconds),
        load_bids_per_s: Math.round(rows.length / loadSeconds),
        ratio_records_to_baseline: +(source.records / loadSeconds / (rows.length / rawSeconds)).toFixed(2),
        load_seconds: +loadSeconds.toFixed(1),
        reload_seconds: +reloadSeconds.toFixed(1),
        node_peak_mib: nodePeakMiB(),
        neo4j_peak_mib: processPeakMiB(endpoint.pid),
      });
      console.table(results);
    }
  } finally {
    await graph.close();
  }
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(path.join('bench-results', 'ingest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
