/** `collusion stats`: what the graph holds, per kind of node. */
import { Command } from 'commander';
import { Graph } from '../../cypher/runner';
import { withGraph } from '../context';

export interface GraphCounts {
  [key: string]: number | Record<string, number>;
  placeholders: Record<string, number>;
}

/** Node counts per kind (`projects`, `lots`, `bids`, …) and placeholders per kind. */
export async function graphCounts(graph: Graph): Promise<GraphCounts> {
  const counts: GraphCounts = { placeholders: {} };
  for (const row of await graph.read('stats/counts')) {
    counts[String(row.key)] = Number(row.total);
    if (Number(row.placeholders) > 0) counts.placeholders[String(row.key)] = Number(row.placeholders);
  }
  return counts;
}

export function statsCommand(program: Command): void {
  program
    .command('stats')
    .description('count what the graph holds: projects, lots, bids, organizations, persons, experts, …')
    .option('--json', 'print the counts as JSON')
    .action(async (flags: { json?: boolean }) => {
      const counts = await withGraph((graph) => graphCounts(graph));
      if (flags.json) {
        console.log(JSON.stringify(counts, null, 2));
        return;
      }
      for (const [key, value] of Object.entries(counts)) {
        if (typeof value === 'number') {
          const placeholders = counts.placeholders[key];
          console.log(
            `${key.padEnd(16)} ${String(value).padStart(10)}${placeholders ? `  (${placeholders} placeholders)` : ''}`,
          );
        }
      }
    });
}
