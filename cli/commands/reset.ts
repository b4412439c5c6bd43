/** `collusion reset --yes`: empty the graph and forget past load reports; the schema stays. */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { withGraph, say } from '../context';
import { EXIT } from '../exit-codes';

export function resetCommand(program: Command): void {
  program
    .command('reset')
    .description('delete every node and relationship of the graph (and the load reports); asks for --yes')
    .option('--yes', 'confirm: this cannot be undone')
    .action(async (flags: { yes?: boolean }) => {
      if (!flags.yes) {
        program.error('collusion reset deletes the whole graph; run `collusion reset --yes` to confirm', {
          exitCode: EXIT.usage,
        });
      }
      await withGraph(async (graph, config) => {
        await graph.runInTransactions('admin/delete-all');
        fs.rmSync(path.join(config.dataDir, 'loads'), { recursive: true, force: true });
        say(`graph at ${graph.uri} emptied`);
      });
    });
}
