/**
 * `npm run bench:case`: how long one case file (案卷) takes, HTML and PDF, for the top flag, the top
 * cartel-community flag and the top community of the graph in the bench data dir, next to baselines
 * measured in the same run on the same subjects: the JSON answer of GET /flags/:id (or
 * /communities/:id) over HTTP, and the case file's own graph read alone (collect). Each figure is the
 * median of --runs runs after one warm-up; the PDF is printed by one Chromium launched per file, as
 * the API does. Options: --runs 5 --file F (loaded, and scored, first). Uses data/bench, Neo4j port
 * 7697 and Redis port 6397 unless COLLUSION_* or NEO4J_URI say otherwise (e.g. the 1M-bid data set
 * that bench:ingest and bench:score leave there). Results also go to bench-results/case.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { option, startBenchServer } from './options';
import { createKey } from '../api/keys/store';
import { collectCase } from '../engine/case/collect';
import { produceCase } from '../engine/case';
import { rescore } from '../engine/rescore';
import { loadSettings } from '../engine/settings';
import { graphCounts } from '../cli/commands/stats';
import { projectRoot } from '../lib/paths';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => Math.round(x * 10) / 10;

/** Median wall time of `work` over `runs` runs after one warm-up, and the last result. */
async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  return { ms: ms(median(times)), result };
}

async function main(): Promise<void> {
  const runs = Number(option('runs') ?? 5);
  const { config, server, graph, loaded } = await startBenchServer();
  try {
    let [top] = await graph.read('bench/top-findings');
    if (!top?.flag || loaded) {
      console.error('scoring the graph first…');
      await rescore(graph, { full: true, log: (l) => console.error(l) });
      [top] = await graph.read('bench/top-findings');
    }
    const counts = await graphCounts(graph);
    const { key } = await createKey(graph, { name: `bench-case-${Date.now()}`, role: 'auditor' });
    const settings = loadSettings(config.settingsFile);
    const scope = { regions: null, sectors: null };
    const get = async (url: string) => {
      const response = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${key}` } });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`bench:case: GET ${url} answered ${response.status}: ${body}`);
      return body;
    };
    const subjects: { what: string; kind: 'flag' | 'community'; id: string }[] = [
      { what: 'top flag', kind: 'flag' as const, id: top.flag as string },
      { what: 'top cartel-community flag', kind: 'flag' as const, id: top.cartel as string },
      { what: 'top community', kind: 'community' as const, id: top.community as string },
    ].filter((s) => typeof s.id === 'string');
    const results = [];
    for (const subject of subjects) {
      const base = subject.kind === 'flag' ? `/api/v1/flags/${subject.id}` : `/api/v1/communities/${subject.id}`;
      console.error(`${subject.what} ${subject.id}: ${runs} runs each…`);
      const json = await timed(runs, () => get(base));
      const read = await timed(runs, () =>
        collectCase(graph, { kind: subject.kind, id: subject.id, scope, by: 'bench', settings }),
      );
      const html = await timed(runs, () => get(`${base}/case`));
      const pdf = await timed(Math.min(runs, 3), () => get(`${base}/case?format=pdf`));
      const parts = await produceCase(graph, {
        kind: subject.kind,
        id: subject.id,
        scope,
        by: 'bench',
        settings,
        format: 'pdf',
        redact: false,
      });
      const model = read.result;
      results.push({
        subject: subject.what,
        id: subject.id,
        lots_shown: model.lots.length,
        lots_omitted: model.lotsOmitted,
        bids: model.lots.reduce((n, l) => n + l.bids.length, 0),
        entities: model.entities.length,
        baseline_get_json_ms: json.ms,
        graph_read_ms: read.ms,
        case_html_ms: html.ms,
        case_pdf_ms: pdf.ms,
        html_bytes: html.result.length,
        pdf_bytes: pdf.result.length,
        html_vs_get_json: +(html.ms / Math.max(0.1, json.ms)).toFixed(1),
        pdf_parts_ms: parts.timings,
      });
    }
    const report = { bids: counts.bids, lots: counts.lots, runs, results };
    console.log(JSON.stringify(report, null, 2));
    const outDir = path.join(projectRoot(), 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'case.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
