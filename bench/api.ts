/**
 * `npm run bench:api`: latency of the API under load (autocannon, 100 connections) next to the
 * same Cypher run directly over Bolt with the same concurrency, in the same run, on the graph in
 * the bench data dir (bench:ingest and bench:score leave a large one there; a graph with no flags
 * is scored first). Two requests: a feed page (`GET /flags?since=…&limit=50` with a regional key)
 * and an entity graph (`GET /entities/:id/graph`, depth 1, of a flagged organisation).
 * Options: --seconds 10 --connections 100 --file F (loaded first; loads are idempotent). Uses
 * data/bench, Neo4j port 7697 and Redis port 6397 unless COLLUSION_* say otherwise.
 */
import autocannon from 'autocannon';
import { option, startBenchServer } from './options';
import { createKey } from '../api/keys/store';
import { entityGraph } from '../api/routes/entity-graph';
import { int } from '../cypher/runner';
import { rescore } from '../engine/rescore';

interface Latency {
  requests: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** `connections` loops calling `work` back to back for `seconds`; latency quantiles of every call. */
async function direct(work: () => Promise<unknown>, seconds: number, connections: number): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          await work();
          times.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    p50_ms: +quantile(times, 0.5).toFixed(1),
    p99_ms: +quantile(times, 0.99).toFixed(1),
    errors,
  };
}

async function overHttp(url: string, key: string, seconds: number, connections: number): Promise<Latency> {
  const result = await autocannon({ url, connections, duration: seconds, headers: { authorization: `Bearer ${key}` } });
  const non2xx = result.non2xx + result.errors;
  return { requests: result.requests.total, p50_ms: result.latency.p50, p99_ms: result.latency.p99, errors: non2xx };
}

async function main(): Promise<void> {
  const seconds = Number(option('seconds') ?? 10);
  const connections = Number(option('connections') ?? 100);
  const { server, graph } = await startBenchServer();
  try {
    const [{ flags }] = await graph.read('bench/flag-count');
    if (Number(flags) === 0) {
      console.error('no scoped flags yet: scoring the graph first…');
      await rescore(graph, { full: true, log: (l) => console.error(l) });
    }
    const [busiest] = await graph.read('bench/busiest-region');
    const region = String(busiest.region);
    const since = String(busiest.since);
    const { key } = await createKey(graph, { name: `bench-${Date.now()}`, role: 'supervisor', regions: [region] });
    const [entity] = await graph.read('bench/flagged-organization', { regions: [region] });
    const org = String(entity.id);
    const scope = { regions: [region], sectors: null };
    const feedParams = {
      ...scope,
      detector: null,
      minScore: 0,
      severity: null,
      status: null,
      region: null,
      sector: null,
      since,
      after: null,
      limit: int(51),
    };
    const countParams = { ...feedParams };
    delete (countParams as Partial<typeof feedParams>).after;
    delete (countParams as Partial<typeof feedParams>).limit;
    console.error(
      `feed page: region ${region}, since ${since}; entity graph of ${org}; ${seconds} s × ${connections} connections each`,
    );
    const results = {
      feed_page: {
        direct: await direct(
          () =>
            Promise.all([graph.read('api/flags-by-change', feedParams), graph.read('api/flags-count', countParams)]),
          seconds,
          connections,
        ),
        api: await overHttp(
          `${server.url}/api/v1/flags?since=${encodeURIComponent(since)}&limit=50`,
          key,
          seconds,
          connections,
        ),
      },
      entity_graph: {
        direct: await direct(() => entityGraph(graph, scope, org, { depth: 1, limit: 300 }), seconds, connections),
        api: await overHttp(`${server.url}/api/v1/entities/${org}/graph?depth=1&limit=300`, key, seconds, connections),
      },
    };
    const ratio = (r: { direct: Latency; api: Latency }) => +(r.api.p99_ms / Math.max(0.1, r.direct.p99_ms)).toFixed(2);
    console.log(
      JSON.stringify(
        { ...results, p99_ratio: { feed_page: ratio(results.feed_page), entity_graph: ratio(results.entity_graph) } },
        null,
        2,
      ),
    );
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
