/**
 * `collusion case <flag-id|community-id>`: writes the case file (案卷) of a flag or community as
 * HTML or PDF, optionally redacted, and records its SHA-256 (who, what, format) in the same
 * hash-chained audit log the API writes; `collusion case verify FILE` tells whether a file is one
 * the system produced, unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { auditEntries, auditFile, AuditLog, auditForm, verifyAuditLog } from '../../api/audit/log';
import { CASE_FORMATS, CaseFile, CaseFormat, CaseNotFoundError, produceCase } from '../../engine/case';
import { findProduction, sha256Hex } from '../../engine/case/verify';
import { loadSettings } from '../../engine/settings';
import { loadConfig } from '../../lib/config';
import { withGraph } from '../context';
import { EXIT } from '../exit-codes';

/** 'flag' for F-…, 'community' for C-…, else undefined. */
export function caseKindOf(id: string): 'flag' | 'community' | undefined {
  if (id.startsWith('F-')) return 'flag';
  if (id.startsWith('C-')) return 'community';
  return undefined;
}

const kib = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KiB`;

export function caseCommands(program: Command, outcome: { exitCode: number }): void {
  const command = program
    .command('case')
    .description(
      'the case file (案卷) of a flag or community: `case <id>` writes it, `case verify <file>` checks a copy',
    );

  command
    .command('make', { isDefault: true })
    .description(
      'write the case file of a flag (F-…) or community (C-…) as HTML or PDF; its SHA-256 goes to the audit log',
    )
    .argument('<id>', 'a flag id (F-…, from `collusion flags`) or a community id (C-…)')
    .option('--out <file>', 'where to write it (default case-<id>[-redacted].<format> in the current folder)')
    .option('--format <format>', CASE_FORMATS.join(' | '), 'html')
    .option('--redact', 'mask people’s names, phones, ID hashes and addresses with pseudonyms (for sharing outside)')
    .option('--by <name>', 'who produces it (recorded in the audit log)', os.userInfo().username)
    .action(async (id: string, flags: { out?: string; format: string; redact?: boolean; by: string }) => {
      const kind = caseKindOf(id);
      if (!kind) {
        program.error(
          `collusion case: "${id}" is neither a flag id (F-…, see \`collusion flags\`) nor a community id (C-…)`,
          { exitCode: EXIT.usage },
        );
      }
      if (!(CASE_FORMATS as readonly string[]).includes(flags.format)) {
        program.error(`collusion case: --format must be one of ${CASE_FORMATS.join(', ')}`, { exitCode: EXIT.usage });
      }
      const config = loadConfig();
      const started = performance.now();
      let file: CaseFile;
      try {
        file = await withGraph((graph) =>
          produceCase(graph, {
            kind: kind as 'flag' | 'community',
            id,
            scope: { regions: null, sectors: null },
            by: flags.by,
            settings: loadSettings(config.settingsFile),
            format: flags.format as CaseFormat,
            redact: flags.redact === true,
          }),
        );
      } catch (error) {
        if (!(error instanceof CaseNotFoundError)) throw error;
        process.stderr.write(`collusion ${error.message}\n`);
        outcome.exitCode = EXIT.inputErrors;
        return;
      }
      const out = path.resolve(flags.out ?? file.filename);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, file.data);
      const log = AuditLog.open(auditFile(config));
      log.append({
        key: flags.by,
        role: 'cli',
        method: 'CLI',
        route: 'collusion case',
        params: { ...file.audit, out },
        status: 0,
        count: 1,
        ms: Math.round(performance.now() - started),
      });
      console.log(`${out}: ${kib(file.data.length)}, sha256 ${file.sha256}; recorded in ${log.file}`);
    });

  command
    .command('verify')
    .description('whether a case file was produced by this system and is unchanged (its SHA-256 in the audit log)')
    .argument('<file>', 'the HTML or PDF case file')
    .option('--audit <file>', 'the audit log to look in (default <data dir>/audit/audit.jsonl)')
    .action((file: string, flags: { audit?: string }) => {
      if (!fs.existsSync(file)) {
        process.stderr.write(`collusion case verify: no file ${file}\n`);
        outcome.exitCode = EXIT.inputErrors;
        return;
      }
      const audit = flags.audit ?? auditFile(loadConfig());
      if (!fs.existsSync(audit)) {
        process.stderr.write(
          `collusion case verify: no audit log at ${audit}; give the log of the installation that produced the file with --audit\n`,
        );
        outcome.exitCode = EXIT.inputErrors;
        return;
      }
      const hash = sha256Hex(fs.readFileSync(file));
      const chain = verifyAuditLog(audit);
      const found = findProduction(hash, auditEntries(audit), auditForm);
      if (!chain.ok) {
        process.stderr.write(
          `collusion case verify: the audit log ${audit} is not intact (${chain.problems.length} problems; ` +
            `see \`collusion audit verify --file ${audit}\`), so it cannot vouch for ${file}\n`,
        );
        outcome.exitCode = EXIT.inputErrors;
        return;
      }
      if (!found) {
        process.stderr.write(
          `collusion case verify: ${file} (sha256 ${hash}) is not a case file this system produced, or it was changed ` +
            `after it was produced: no entry of ${audit} has its SHA-256\n`,
        );
        outcome.exitCode = EXIT.inputErrors;
        return;
      }
      const what = `${found.kind} ${found.id}, ${found.format}${found.redacted ? ', redacted' : ''}`;
      console.log(
        `${file}: produced by ${found.by} (${found.role}) at ${found.at} via ${found.route} (${what}); ` +
          `unchanged: sha256 ${hash} is audit entry seq ${found.seq}, line ${found.line}; the log's chain is intact (${chain.entries} entries)`,
      );
    });
}
