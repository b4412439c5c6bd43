/**
 * `collusion start` (what `npm start` runs): bring the services up, load and score the committed
 * sample on the first run, and say what is there and how to look at it.
 */
import path from 'node:path';
import { Command } from 'commander';
import { IdHasher } from '../../ingest/normalise/id-number';
import { loadPaths } from '../../ingest/load';
import { formatReport } from '../../ingest/report';
import { rescore } from '../../engine/rescore';
import { projectRoot } from '../../lib/paths';
import { say, withServices } from '../context';
import { graphCounts } from './stats';

export function startCommand(program: Command): void {
  program
    .command('start')
    .description('the demo: start the services, load the sample data on first run, print what is there')
    .action(async () => {
      await withServices(async (graph, services, config) => {
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
        console.log(welcome(services.neo4j.uri, services.redis.url, counts));
      });
    });
}

function welcome(neo4jUri: string, redisUrl: string, counts: Record<string, unknown>): string {
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
    'Look at it:',
    '  npx collusion stats                      counts per kind of node',
    '  npx collusion flags --min-score 0.8      the strongest leads, one JSON line each',
    '  npx collusion lots | head                lots by risk score',
    '  npx collusion load <file.ndjson|csv-dir> load more data (idempotent)',
    `  Neo4j Browser or Desktop → connect to ${neo4jUri}, then e.g.`,
    '    MATCH (a:Organization)-[:PLACED]->(:Bid)-[:FROM_MACHINE]->(m)<-[:FROM_MACHINE]-(:Bid)<-[:PLACED]-(b:Organization)',
    '    WHERE a <> b RETURN a.name, b.name, m.value LIMIT 25',
    '  npx collusion down                       stop the embedded Neo4j and Redis',
    '',
  ].join('\n');
}
