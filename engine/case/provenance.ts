/**
 * Provenance in the case file: every fact's row names the load that wrote it by a short reference
 * (L1, L2 … in the order of the LoadBatch ids), which the sources table resolves to the file, its
 * SHA-256, the time it was loaded and the trading system that sent it.
 */
import { Html, tag } from './html';
import type { CaseModel, Provenance } from './model';

export class Sources {
  private readonly refs = new Map<string, string>();

  constructor(model: CaseModel) {
    [...model.batches]
      .map((b) => b.id)
      .sort()
      .forEach((id, i) => this.refs.set(id, `L${i + 1}`));
  }

  /** The reference of a LoadBatch id ("L1"), or the id itself when it was not found. */
  ref(id: string): string {
    return this.refs.get(id) ?? id;
  }

  /** A table cell: the last writer, and the first when it differs ("L2 (first L1)"). */
  cell(prov: Provenance | undefined): Html | string {
    if (!prov?.load && !prov?.firstLoad) return '—';
    const last = prov.load ? this.ref(prov.load) : '';
    const first = prov.firstLoad && prov.firstLoad !== prov.load ? ` (首次 first ${this.ref(prov.firstLoad)})` : '';
    return tag('span', { class: 'prov' }, `${last}${first}`);
  }
}
