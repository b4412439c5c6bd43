/**
 * Louvain on the bidder graph (graphology-communities-louvain, seeded so a rescoring of the same
 * data gives the same partition), then every community split into its connected parts: Louvain
 * can return communities that are not connected, which would group strangers.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { mulberry32 } from '../stats/prng';

/** Communities as sorted member lists, connected, largest first (ties by first member). */
export function partition(graph: Graph, resolution: number, seed: number): string[][] {
  if (graph.order === 0 || graph.size === 0) return [];
  const mapping = louvain(graph, { getEdgeWeight: 'weight', resolution, rng: mulberry32(seed) });
  const groups = new Map<number, string[]>();
  for (const node of [...graph.nodes()].sort()) {
    const c = mapping[node];
    groups.set(c, [...(groups.get(c) ?? []), node]);
  }
  const out: string[][] = [];
  for (const members of groups.values()) out.push(...connectedParts(graph, new Set(members)));
  return out.map((m) => m.sort()).sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
}

function connectedParts(graph: Graph, members: Set<string>): string[][] {
  const seen = new Set<string>();
  const parts: string[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const part: string[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const node = queue.pop()!;
      part.push(node);
      graph.forEachNeighbor(node, (next) => {
        if (members.has(next) && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      });
    }
    parts.push(part);
  }
  return parts;
}
