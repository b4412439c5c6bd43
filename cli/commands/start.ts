/**
 * `collusion start` (what `npm start` runs): bring the services up, load and score the committed
 * sample on the first run, then serve the API (with its job processors) on PORT (3000), print the
 * local admin key and how to look around, and run until Ctrl-C.
 */
import path from 'node:path';
import { Command } from 'commander';
import { IdHasher } from '../../ingest/normalise/id-number';
import { loadPaths } from '../../ingest/load';
import { formatReport } from '../../ingest/report';
import { rescore } from '../../engine/rescore';
import { projectRoot } from '../../lib/paths';
import { startServer } from '../../api/server';
import { loadConfig } from '../../lib/config';
import { say, withServices } from '../context';
import { graphCounts } from './stats';

export function startCommand(program: Command): void {
  program
    .command('start')
    .description('the demo: start the services, load and score the sample data on first run, serve the API')
    .action(async () => {
      const ready = await withServices(async (graph, services, config) => {
        let counts = await graphCounts(graph);
        if (counts.bids === 0) {
          const sample = path.join(projectRoot(), 'fixtures', 'sample', 'trading.ndjson');
          say(`first run: loading the sample data set ${path.relative(process.cwd(), sample)}`);
          const report = await loadPaths(graph, [sample], IdHasher.forDataDir(config.dataDir, config.idHashKey), {
            reportDir: path.join(config.dataDir, 'loads'),
            progress: true,
          });
          say(formatReport(report));
          const scoring = await rescore(graph, { full: true, log: say });
          say(`scored: ${scoring.flags} flags, ${scoring.communities} communities, ${scoring.lots} lots`);
          counts = await graphCounts(graph);
        }
        return { counts, neo4j: services.neo4j.uri, redis: services.redis.url };
      });
      const server = await startServer(loadConfig(), { log: say });
      console.log(welcome(ready.neo4j, ready.redis, ready.counts, server.url, server.adminKey));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      say('stopping the API (Neo4j and Redis keep running: `npx collusion down` stops them)…');
      await server.close();
    });
}

function welcome(
  neo4jUri: string,
  redisUrl: string,
  counts: Record<string, unknown>,
  url: string,
  adminKey: string,
): string {
  const line = (key: string) => `  ${key.padEnd(14)} ${String(counts[key] ?? 0).padStart(8)}`;
  return [
    '',
    'Collusion engine — the trading graph is ready.',
    `  Neo4j (Bolt)   ${neo4jUri}   (no password on the embedded store)`,
    `  Redis          ${redisUrl}`,
    '',
    'What is loaded:',
    ...['projects', 'lots', 'bids', 'organizations', 'persons', 'experts', 'shared_values', 'relationships'].map(line),
    '',
    `API            ${url}/api/v1   (OpenAPI: ${url}/api/openapi.json)`,
    `Admin key      ${adminKey}`,
    `Viewer         ${url}/#key=${adminKey}`,
    '',
    'Look at it:',
    `  curl -H "Authorization: Bearer ${adminKey}" '${url}/api/v1/flags?min_score=0.8&limit=5'`,
    `  curl -N -H "Authorization: Bearer ${adminKey}" ${url}/api/v1/feed     early-warning stream (SSE)`,
    '  npx collusion keys create --role auditor --regions 4101 --name audit-zhengzhou   a scoped key',
    '  npx collusion stats                      counts per kind of node',
    '  npx collusion flags --min-score 0.8      the strongest leads, one JSON line each',
    '  npx collusion lots | head                lots by risk score',
    '  npx collusion load <file.ndjson|csv-dir> load more data (idempotent)',
    `  Neo4j Browser or Desktop → connect to ${neo4jUri}, then e.g.`,
    '    MATCH (a:Organization)-[:PLACED]->(:Bid)-[:FROM_MACHINE]->(m)<-[:FROM_MACHINE]-(:Bid)<-[:PLACED]-(b:Organization)',
    '    WHERE a <> b RETURN a.name, b.name, m.value LIMIT 25',
    '  npx collusion down                       stop the embedded Neo4j and Redis',
    '',
    'Ctrl-C stops the API.',
    '',
  ].join('\n');
}
