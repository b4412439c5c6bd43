/** `collusion benign add|remove`: shared values that are not evidence (public terminals, …). */
import { Command } from 'commander';
import { normaliseValue, VALUE_KINDS } from '../../engine/value-kinds';
import { withGraph } from '../context';
import { EXIT } from '../exit-codes';

interface BenignFlags {
  kind: string;
  value: string;
  note?: string;
}

export function benignCommands(program: Command): void {
  const benign = program.command('benign').description('shared values that weigh nothing as evidence');
  const check = (flags: BenignFlags): string => {
    if (!(VALUE_KINDS as readonly string[]).includes(flags.kind)) {
      program.error(`collusion benign: --kind must be one of ${VALUE_KINDS.join(', ')}`, { exitCode: EXIT.usage });
    }
    const value = normaliseValue(flags.kind as (typeof VALUE_KINDS)[number], flags.value);
    if (value === undefined)
      program.error(`collusion benign: "${flags.value}" is not a valid ${flags.kind}`, { exitCode: EXIT.usage });
    return value as string;
  };
  benign
    .command('add')
    .description('mark a value benign; it weighs nothing from the next rescoring on')
    .requiredOption('--kind <kind>', `one of ${VALUE_KINDS.join(', ')}`)
    .requiredOption('--value <value>', 'the value as it appears in the data (normalised like the loader does)')
    .option('--note <note>', 'why it is benign (e.g. "trading centre public terminal")')
    .action(async (flags: BenignFlags) => {
      const value = check(flags);
      await withGraph((graph) =>
        graph.write('engine/benign-add', {
          kind: flags.kind,
          value,
          note: flags.note ?? null,
          now: new Date().toISOString(),
        }),
      );
      console.log(`benign ${flags.kind} ${value}`);
    });
  benign
    .command('remove')
    .description('stop treating a value as benign')
    .requiredOption('--kind <kind>', `one of ${VALUE_KINDS.join(', ')}`)
    .requiredOption('--value <value>', 'the value')
    .action(async (flags: BenignFlags) => {
      const value = check(flags);
      const { rows } = await withGraph((graph) =>
        graph.write('engine/benign-remove', { kind: flags.kind, value, now: new Date().toISOString() }),
      );
      console.log(
        Number(rows[0]?.removed) > 0
          ? `removed ${flags.kind} ${value}`
          : `${flags.kind} ${value} was not marked benign`,
      );
    });
}
