/** `collusion audit verify`: checks that the API's hash-chained audit log is intact. */
import { Command } from 'commander';
import { auditFile, verifyAuditLog } from '../../api/audit/log';
import { loadConfig } from '../../lib/config';
import { EXIT } from '../exit-codes';

export function auditCommands(program: Command, outcome: { exitCode: number }): void {
  const audit = program.command('audit').description("the API's append-only, hash-chained audit log");
  audit
    .command('verify')
    .description('check every entry of the audit log: hashes, sequence and chain; exit 1 naming each broken line')
    .option('--file <file>', 'the audit log (default <data dir>/audit/audit.jsonl)')
    .action((flags: { file?: string }) => {
      const file = flags.file ?? auditFile(loadConfig());
      const result = verifyAuditLog(file);
      if (result.ok) {
        console.log(`audit log ${file}: ${result.entries} entries, intact`);
        return;
      }
      for (const problem of result.problems) console.log(`line ${problem.line}: ${problem.reason}`);
      process.stderr.write(
        `collusion audit verify: ${file} is not intact (${result.problems.length} problems); keep it as evidence\n`,
      );
      outcome.exitCode = EXIT.inputErrors;
    });
}
