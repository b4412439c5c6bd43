/**
 * The `collusion` command. Each subcommand lives in cli/commands/; this file wires them up and
 * turns errors into the documented exit codes (0 ok, 1 input errors, 2 usage, 3 service unavailable).
 */
import { Command, CommanderError } from 'commander';
import { generateCommand } from './commands/generate';
import { loadCommand } from './commands/load';
import { resetCommand } from './commands/reset';
import { servicesCommands } from './commands/services';
import { startCommand } from './commands/start';
import { statsCommand } from './commands/stats';
import { EXIT, exitCodeOf } from './exit-codes';

export function buildProgram(): Command {
  const program = new Command('collusion')
    .description('collusion detection engine for public-resource trading supervision')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  servicesCommands(program);
  startCommand(program);
  loadCommand(program);
  statsCommand(program);
  resetCommand(program);
  generateCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      process.exitCode = helpShown ? EXIT.ok : error.exitCode === EXIT.ok ? EXIT.ok : EXIT.usage;
      return;
    }
    process.stderr.write(`collusion: ${(error as Error).message}\n`);
    process.exitCode = exitCodeOf(error);
  }
}
