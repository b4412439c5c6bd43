/**
 * `npm run bench:detect`: detection quality on generated data with planted schemes. For each size
 * and seed: generate → load → full rescore → per family recall and precision, the share of benign
 * look-alikes flagged, lot ROC-AUC and precision@100, next to a naive baseline computed in the same
 * run (flag every same-lot pair of bidders sharing any value, no weighting; lot score = number of
 * such pairs). Options: --lots 300,1500 --seeds 1,2. Uses data/bench and port 7697 unless
 * NEO4J_URI is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { option } from './options';
import { Graph } from '../cypher/runner';
import { DETECTORS } from '../engine/detectors';
import { readProjection } from '../engine/projection-read';
import { rescore } from '../engine/rescore';
import { bidValues } from '../engine/rarity';
import { Projection } from '../engine/model';
import { generate } from '../fixtures/generator';
import { IdHasher } from '../ingest/normalise/id-number';
import { loadPaths } from '../ingest/load';
import { loadConfig } from '../lib/config';
import { ensureNeo4j } from '../tools/neo4j';
import { benignFlaggedShare, familyQuality, FamilyQuality, precisionAtK, rocAuc, ScoredFlag, Truth } from './quality';

const FAMILIES = [...DETECTORS.map((d) => d.id), 'cartel-community'];

function naiveFlags(projection: Projection): { flags: ScoredFlag[]; lotScore: Map<string, number> } {
  const flags: ScoredFlag[] = [];
  const lotScore = new Map<string, number>();
  for (const lot of projection.lots.values()) {
    const bids = lot.bids.map((id) => projection.bids.get(id)!).filter(Boolean);
    let pairs = 0;
    for (let i = 0; i < bids.length; i += 1) {
      for (let j = i + 1; j < bids.length; j += 1) {
        if (bids[i].bidder === bids[j].bidder) continue;
        const mine = new Set(bidValues(bids[i]).map(([k, v]) => `${k}=${v}`));
        if (bidValues(bids[j]).some(([k, v]) => mine.has(`${k}=${v}`))) {
          pairs += 1;
          flags.push({ detector: 'naive', score: 1, lots: [lot.id], entities: [bids[i].bidder, bids[j].bidder] });
        }
      }
    }
    lotScore.set(lot.id, pairs);
  }
  return { flags, lotScore };
}

async function run(graph: Graph, dataDir: string, lots: number, seed: number) {
  const dir = path.join(dataDir, 'quality', `lots-${lots}-seed-${seed}`);
  const file = path.join(dir, 'trading.ndjson');
  if (!fs.existsSync(file)) await generate({ lots, seed, outDir: dir });
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
  await graph.runInTransactions('admin/delete-all');
  await graph.applySchema();
  const hasher = new IdHasher(Buffer.from('bench'));
  await loadPaths(graph, [file], hasher, { reportDir: path.join(dataDir, 'loads') });
  const report = await rescore(graph, { full: true });
  const flags: ScoredFlag[] = (await graph.read('engine/list-flags', { detector: null, minScore: 0 })).map((r) => {
    const f = r.flag as Record<string, unknown>;
    return {
      detector: String(f.detector),
      score: Number(f.score),
      lots: (f.lots as string[]) ?? [],
      entities: (f.entities as string[]) ?? [],
    };
  });
  const lotRows = await graph.read('engine/list-lots');
  const positive = new Set(truth.schemes.filter((s) => FAMILIES.includes(s.family as never)).flatMap((s) => s.lots));
  const families: FamilyQuality[] = FAMILIES.map((f) => familyQuality(f, flags, truth));
  const planted = families.reduce((n, f) => n + f.planted, 0);
  const found = families.reduce((n, f) => n + f.found, 0);
  const flagged = flags.filter((f) => FAMILIES.includes(f.detector as never));
  const correct = families.reduce((n, f) => n + (Number.isNaN(f.precision) ? 0 : f.precision * f.flags), 0);
  const scored = lotRows.map((r) => ({ score: Number(r.score), positive: positive.has(String(r.lot)) }));
  const naive = naiveFlags(await readProjection(graph));
  const sharing = ['shared-fingerprint', 'shared-ip', 'shared-people', 'shared-bond'];
  const sharingSchemes = truth.schemes.filter((s) => sharing.includes(s.family ?? ''));
  const naiveFound = sharingSchemes.filter((s) =>
    naive.flags.some((f) => f.lots.some((l) => s.lots.includes(l)) && f.entities.some((e) => s.entities.includes(e))),
  ).length;
  const naiveCorrect = naive.flags.filter((f) =>
    truth.schemes.some((s) => s.lots.some((l) => f.lots.includes(l)) && f.entities.some((e) => s.entities.includes(e))),
  ).length;
  const naiveScored = [...naive.lotScore.entries()].map(([lot, score]) => ({ score, positive: positive.has(lot) }));
  const engineSharing = flags.filter((f) => sharing.includes(f.detector));
  return {
    lots,
    seed,
    planted,
    families,
    notImplemented: [...new Set(truth.schemes.map((s) => s.family!).filter((f) => !FAMILIES.includes(f as never)))],
    engine: {
      recall: found / planted,
      precision: flagged.length ? correct / flagged.length : NaN,
      benignFlagged: benignFlaggedShare(flagged, truth),
      lotAuc: rocAuc(scored),
      precisionAt100: precisionAtK(scored, 100),
      flags: flagged.length,
      scoreMs: report.phases.total,
    },
    naive: {
      sharingRecall: sharingSchemes.length ? naiveFound / sharingSchemes.length : NaN,
      engineSharingRecall: sharingSchemes.length
        ? sharingSchemes.filter((s) =>
            engineSharing.some(
              (f) => f.lots.some((l) => s.lots.includes(l)) && f.entities.some((e) => s.entities.includes(e)),
            ),
          ).length / sharingSchemes.length
        : NaN,
      precision: naive.flags.length ? naiveCorrect / naive.flags.length : NaN,
      benignFlagged: benignFlaggedShare(naive.flags, truth),
      lotAuc: rocAuc(naiveScored),
      precisionAt100: precisionAtK(naiveScored, 100),
      flags: naive.flags.length,
    },
  };
}

const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));

async function main(): Promise<void> {
  process.env.COLLUSION_DATA_DIR ??= path.resolve('data', 'bench');
  process.env.COLLUSION_NEO4J_PORT ??= '7697';
  const config = loadConfig();
  const sizes = (option('lots') ?? '300,1500').split(',').map(Number);
  const seeds = (option('seeds') ?? '1,2').split(',').map(Number);
  const graph = await Graph.connect(await ensureNeo4j(config, { log: (l) => console.error(l) }));
  const results = [];
  try {
    for (const lots of sizes) {
      for (const seed of seeds) {
        console.error(`lots ${lots}, seed ${seed}…`);
        const r = await run(graph, config.dataDir, lots, seed);
        results.push(r);
        console.log(
          `\n== lots ${lots}, seed ${seed}: ${r.planted} planted schemes (families not implemented yet: ${r.notImplemented.join(', ') || 'none'})`,
        );
        console.log('family                 planted found recall  flags precision  any-scheme');
        for (const f of r.families) {
          console.log(
            `${f.family.padEnd(22)} ${String(f.planted).padStart(7)} ${String(f.found).padStart(5)} ${fmt(f.recall)}  ${String(f.flags).padStart(5)}  ${fmt(f.precision)}      ${fmt(f.precisionAnyScheme)}`,
          );
        }
        console.log('                       recall  precision  benign-flagged  lot-AUC  P@100   flags');
        const e = r.engine;
        const n = r.naive;
        console.log(
          `engine                 ${fmt(e.recall)}  ${fmt(e.precision)}      ${fmt(e.benignFlagged)}        ${fmt(e.lotAuc)}   ${fmt(e.precisionAt100)}  ${e.flags}`,
        );
        console.log(
          `naive baseline         ${fmt(n.sharingRecall)}* ${fmt(n.precision)}      ${fmt(n.benignFlagged)}        ${fmt(n.lotAuc)}   ${fmt(n.precisionAt100)}  ${n.flags}`,
        );
        console.log(
          `(* recall over the shared-value families; the engine's recall on those families: ${fmt(n.engineSharingRecall)})`,
        );
      }
    }
  } finally {
    await graph.close();
  }
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(path.join('bench-results', 'detect.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
