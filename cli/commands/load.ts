/**
 * `collusion load <paths…>`: validate and load NDJSON files, OCDS files (release or record
 * packages, JSON Lines; recognised by content) and CSV folders; files may be gzip.
 */
import path from 'node:path';
import { Command } from 'commander';
import { IdHasher } from '../../ingest/normalise/id-number';
import { loadPaths } from '../../ingest/load';
import { formatReport } from '../../ingest/report';
import { enqueueRescore, rescoreQueue } from '../../engine/jobs/queue';
import { loadConfig } from '../../lib/config';
import { ensureRedis } from '../../tools/redis';
import { say, withGraph } from '../context';

async function queueRescore(reason: string): Promise<string> {
  const redis = await ensureRedis(loadConfig(), { log: say });
  const queue = rescoreQueue(redis.url);
  try {
    return String((await enqueueRescore(queue, { full: false, reason })).id);
  } finally {
    await queue.close();
  }
}
import { EXIT } from '../exit-codes';
import type { Outcome } from '../index';

interface LoadFlags {
  skipInvalid?: boolean;
  json?: boolean;
  batchSize: string;
  source?: string;
  rescore: boolean;
}

export function loadCommand(program: Command, outcome: Outcome): void {
  program
    .command('load')
    .description(
      'load trading-data files (NDJSON or OCDS, plain or gzip) or CSV folders; each is all-or-nothing unless --skip-invalid',
    )
    .argument('<paths...>', 'NDJSON or OCDS files, or CSV folders')
    .option('--skip-invalid', 'load the good records and write the bad lines untouched to a rejects file')
    .option('--json', 'print the load report as JSON on stdout')
    .option('--batch-size <n>', 'records per write transaction', '5000')
    .option('--source <name>', 'name of the trading system the data came from (kept as provenance)')
    .option('--no-rescore', 'do not queue a rescoring job after the load')
    .action(async (paths: string[], flags: LoadFlags) => {
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        program.error(`collusion load: --batch-size must be a positive whole number, got "${flags.batchSize}"`, {
          exitCode: EXIT.usage,
        });
      }
      const report = await withGraph((graph, config) =>
        loadPaths(graph, paths, IdHasher.forDataDir(config.dataDir, config.idHashKey), {
          skipInvalid: flags.skipInvalid,
          batchSize,
          sourceSystem: flags.source,
          reportDir: path.join(config.dataDir, 'loads'),
          progress: !flags.json,
        }),
      );
      console.log(flags.json ? JSON.stringify(report, null, 2) : formatReport(report));
      const loaded = report.sources.filter((s) => s.loadId !== undefined);
      if (flags.rescore && loaded.length > 0) {
        const id = await queueRescore(`load ${loaded.map((s) => s.loadId).join(', ')}`);
        say(`rescoring job ${id} queued (a \`collusion worker\` runs it; \`collusion score\` runs one now)`);
      }
      outcome.exitCode = report.sources.some((s) => s.invalid > 0 || s.status === 'rejected')
        ? EXIT.inputErrors
        : EXIT.ok;
    });
}
