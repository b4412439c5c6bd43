/** `collusion score`, `collusion flags`, `collusion lots`: rescoring and its results. */
import { Command } from 'commander';
import { rescore } from '../../engine/rescore';
import { say, withGraph } from '../context';
import { EXIT } from '../exit-codes';

/** A flag as one JSON line: entities are the input data's ids. */
function flagLine(flag: Record<string, unknown>): string {
  return JSON.stringify({
    id: flag.id,
    detector: flag.detector,
    score: flag.score,
    severity: flag.severity,
    ...(flag.lot ? { lot: flag.lot } : {}),
    ...(flag.project ? { project: flag.project } : {}),
    entities: flag.entities ?? [],
    evidence: JSON.parse(String(flag.evidence ?? '[]')),
    status: flag.status,
    first_seen: flag.first_seen,
    last_seen: flag.last_seen,
  });
}

export function scoreCommands(program: Command): void {
  program
    .command('score')
    .description('rescore: run every detector, communities and lot risks; incremental unless --full')
    .option('--full', 'score every lot, not only those touched by loads since the last run')
    .option('--json', 'print the run report as JSON')
    .action(async (flags: { full?: boolean; json?: boolean }) => {
      const report = await withGraph((graph) => rescore(graph, { full: flags.full, log: say }));
      if (flags.json) console.log(JSON.stringify(report, null, 2));
      else {
        console.log(
          `${report.mode} rescoring: ${report.scoped} lots, ${report.flags} flags (${report.changed} new or changed, ${report.retired} retired), ${report.communities} communities, ${report.phases.total} ms`,
        );
      }
    });

  program
    .command('flags')
    .description('list active flags, highest score first')
    .option('--jsonl', 'one JSON object per line (the default output)')
    .option('--min-score <x>', 'only flags scoring at least x', '0')
    .option('--detector <id>', 'only flags of one detector')
    .action(async (flags: { minScore: string; detector?: string }) => {
      const minScore = Number(flags.minScore);
      if (!Number.isFinite(minScore))
        program.error('collusion flags: --min-score must be a number', { exitCode: EXIT.usage });
      const rows = await withGraph((graph) =>
        graph.read('engine/list-flags', { detector: flags.detector ?? null, minScore }),
      );
      for (const row of rows) console.log(flagLine(row.flag as Record<string, unknown>));
    });

  program
    .command('lots')
    .description('every scored lot with its risk score and components, highest first')
    .option('--jsonl', 'one JSON object per line (the default output)')
    .action(async () => {
      const rows = await withGraph((graph) => graph.read('engine/list-lots'));
      for (const row of rows) {
        console.log(JSON.stringify({ lot: row.lot, score: row.score, components: JSON.parse(String(row.components)) }));
      }
    });
}
