/** `collusion generate`: synthetic trading data with planted schemes and their ground truth. */
import { Command } from 'commander';
import { generate, GENERATE_FORMATS, GenerateFormat } from '../../fixtures/generator';
import { EXIT } from '../exit-codes';

export function generateCommand(program: Command): void {
  program
    .command('generate')
    .description('write synthetic trading data with planted collusion schemes and truth.json')
    .requiredOption('--out <dir>', 'output folder')
    .option('--lots <n>', 'number of lots (about 4-5 bids each)', '300')
    .option('--seed <n>', 'random seed; the same seed gives the same data', '1')
    .option(
      '--format <format>',
      'ndjson, csv, or ocds (an OCDS release package plus trading.extra.ndjson for what OCDS cannot carry)',
      'ndjson',
    )
    .action(async (flags: { out: string; lots: string; seed: string; format: string }) => {
      const lots = Number(flags.lots);
      const seed = Number(flags.seed);
      if (!Number.isInteger(lots) || lots < 1)
        program.error('collusion generate: --lots must be a positive whole number', { exitCode: EXIT.usage });
      if (!Number.isInteger(seed))
        program.error('collusion generate: --seed must be a whole number', { exitCode: EXIT.usage });
      if (!(GENERATE_FORMATS as readonly string[]).includes(flags.format)) {
        program.error(`collusion generate: --format must be one of ${GENERATE_FORMATS.join(', ')}`, {
          exitCode: EXIT.usage,
        });
      }
      const summary = await generate({ lots, seed, outDir: flags.out, format: flags.format as GenerateFormat });
      console.log(JSON.stringify(summary, null, 2));
    });
}
