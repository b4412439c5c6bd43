/**
 * Releases of one ocid may be spread over a file, and merging needs all of them. A first read
 * counts the releases of each ocid (countReleases: a map of ocid → count, no release kept); the
 * mapping read then holds the releases of an ocid only until its last one arrives, and hands
 * back their compiled release at once. So memory holds the ocid counts plus the releases of the
 * processes still open, never the whole file; an ocid whose releases all sit together costs
 * nothing. Releases still open at the end (the file changed since it was counted) are compiled
 * then.
 */
import type { OcdsEntry, ReleaseEntry } from './entries';
import { mergeReleases } from './merge';
import type { Compiled } from './records';

/** How many releases each ocid has. */
export async function countReleases(entries: AsyncIterable<OcdsEntry>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const entry of entries) {
    if (entry.kind === 'release') counts.set(ocidOf(entry), (counts.get(ocidOf(entry)) ?? 0) + 1);
  }
  return counts;
}

const ocidOf = (entry: ReleaseEntry) => String(entry.value.ocid);

export class ReleaseGroups {
  private readonly open = new Map<string, ReleaseEntry[]>();

  constructor(private readonly expected: ReadonlyMap<string, number>) {}

  /** Adds a release; returns the compiled release of its ocid when this was the last one. */
  add(entry: ReleaseEntry): Compiled | undefined {
    const ocid = ocidOf(entry);
    const group = this.open.get(ocid) ?? [];
    group.push(entry);
    if (group.length < (this.expected.get(ocid) ?? 1)) {
      this.open.set(ocid, group);
      return undefined;
    }
    this.open.delete(ocid);
    return compile(group);
  }

  /** The compiled releases of the ocids still open, in the order they opened. */
  rest(): Compiled[] {
    const groups = [...this.open.values()];
    this.open.clear();
    return groups.map(compile);
  }
}

/** The releases of one ocid compiled; where it came from is where its first release is. */
function compile(group: ReleaseEntry[]): Compiled {
  const [first] = group;
  const release = group.length === 1 ? first.value : mergeReleases(group.map((entry) => entry.value));
  return { release, line: first.line, path: first.path, prefix: first.prefix };
}
