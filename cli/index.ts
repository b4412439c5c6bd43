/**
 * The `collusion` command. Each subcommand lives in cli/commands/; this file wires them up and
 * turns errors into the documented exit codes (0 ok, 1 input errors, 2 usage, 3 service unavailable).
 */
import { Command, CommanderError } from 'commander';
import { auditCommands } from './commands/audit';
import { benignCommands } from './commands/benign';
import { caseCommands } from './commands/case';
import { generateCommand } from './commands/generate';
import { keysCommands } from './commands/keys';
import { loadCommand } from './commands/load';
import { resetCommand } from './commands/reset';
import { scoreCommands } from './commands/score';
import { serveCommand } from './commands/serve';
import { servicesCommands } from './commands/services';
import { startCommand } from './commands/start';
import { statsCommand } from './commands/stats';
import { triageCommand } from './commands/triage';
import { workerCommand } from './commands/worker';
import { EXIT, exitCodeOf } from './exit-codes';

/** What a run of the command ends with; actions set `exitCode` when they finish with one other than 0. */
export interface Outcome {
  exitCode: number;
}

export function buildProgram(outcome: Outcome): Command {
  const program = new Command('collusion')
    .description('collusion detection engine for public-resource trading supervision')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  servicesCommands(program);
  startCommand(program);
  loadCommand(program, outcome);
  statsCommand(program);
  resetCommand(program);
  generateCommand(program);
  scoreCommands(program);
  benignCommands(program);
  triageCommand(program, outcome);
  workerCommand(program);
  keysCommands(program, outcome);
  auditCommands(program, outcome);
  caseCommands(program, outcome);
  serveCommand(program);
  return program;
}

/** Runs the command with `argv` (as process.argv: node, script, args…) and returns its exit code. */
export async function run(argv: string[]): Promise<number> {
  const outcome: Outcome = { exitCode: EXIT.ok };
  try {
    await buildProgram(outcome).parseAsync(argv);
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      return helpShown || error.exitCode === EXIT.ok ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`collusion: ${(error as Error).message}\n`);
    return exitCodeOf(error);
  }
}

export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv);
}
