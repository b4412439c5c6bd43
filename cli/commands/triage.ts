/** `collusion triage <flag-id> --status S --note N`: a person's decision on a flag, fed into the next rescoring. */
import os from 'node:os';
import { Command } from 'commander';
import { TRIAGE_STATUSES, TriageStatus } from '../../engine/model';
import { triageFlag } from '../../engine/triage';
import { withGraph } from '../context';
import { EXIT } from '../exit-codes';

export function triageCommand(program: Command, outcome: { exitCode: number }): void {
  program
    .command('triage')
    .description(
      'confirm, dismiss or mark benign a flag; dismissed and benign values weigh less from the next rescoring',
    )
    .argument('<flag-id>', 'the flag id (F-…), as printed by `collusion flags`')
    .requiredOption('--status <status>', TRIAGE_STATUSES.join(' | '))
    .option('--note <note>', 'why (kept on the flag and in its triage log)')
    .option('--by <name>', 'who decided', os.userInfo().username)
    .action(async (id: string, flags: { status: string; note?: string; by: string }) => {
      if (!(TRIAGE_STATUSES as readonly string[]).includes(flags.status)) {
        program.error(`collusion triage: --status must be one of ${TRIAGE_STATUSES.join(', ')}`, {
          exitCode: EXIT.usage,
        });
      }
      const flag = await withGraph((graph) =>
        triageFlag(graph, { id, status: flags.status as TriageStatus, note: flags.note, by: flags.by }),
      );
      if (!flag) {
        process.stderr.write(`collusion triage: no flag ${id}; list them with \`collusion flags\`\n`);
        outcome.exitCode = EXIT.inputErrors;
        return;
      }
      const values = (flag.triage_values as string[] | undefined) ?? [];
      console.log(
        `${id} ${flags.status}${values.length ? ` (cites ${values.join(', ')})` : ''}; takes effect at the next rescoring`,
      );
    });
}
