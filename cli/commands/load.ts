/** `collusion load <paths…>`: validate and load NDJSON files (plain or .gz) and CSV folders. */
import path from 'node:path';
import { Command } from 'commander';
import { IdHasher } from '../../ingest/normalise/id-number';
import { loadPaths } from '../../ingest/load';
import { formatReport } from '../../ingest/report';
import { withGraph } from '../context';
import { EXIT } from '../exit-codes';
import type { Outcome } from '../index';

interface LoadFlags {
  skipInvalid?: boolean;
  json?: boolean;
  batchSize: string;
  source?: string;
}

export function loadCommand(program: Command, outcome: Outcome): void {
  program
    .command('load')
    .description('load trading-data files (NDJSON, .gz) or CSV folders; each is all-or-nothing unless --skip-invalid')
    .argument('<paths...>', 'NDJSON files or CSV folders')
    .option('--skip-invalid', 'load the good records and write the bad lines untouched to a rejects file')
    .option('--json', 'print the load report as JSON on stdout')
    .option('--batch-size <n>', 'records per write transaction', '5000')
    .option('--source <name>', 'name of the trading system the data came from (kept as provenance)')
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
      outcome.exitCode = report.sources.some((s) => s.invalid > 0 || s.status === 'rejected')
        ? EXIT.inputErrors
        : EXIT.ok;
    });
}
