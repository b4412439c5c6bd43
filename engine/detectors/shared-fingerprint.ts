/**
 * Same machine or signer: two bidders of one lot whose bids carry the same MAC, machine code
 * (硬件特征码 / 文件制作机器码), CA certificate, document hash or document author. Basis:
 * 《招标投标法实施条例》 Art. 40(1)(2) and the e-platform rules on identical machine codes and MACs.
 *
 * A shared value counts base(kind) × its rarity weight: a machine code or document hash keeps full
 * weight however busy it is (Art. 40 names them), while a MAC of the trading centre's public
 * terminals or the default author "administrator", used by many organisations, counts for almost
 * nothing. The pieces of one pair combine as 1 − Π(1 − pᵢ). Withdrawn and rejected bids count: the
 * upload happened. This module also holds the pair engine of the whole shared-value family:
 * shared-ip, shared-people and shared-bond call `sharedValueFlags`.
 */
import { Context, Detector } from '../context';
import { combine, DetectorId, Evidence, Flag, makeFlag } from '../flag';
import { Bid, Lot, ValueKind } from '../model';
import { bidValues } from '../rarity';

const BASIS =
  '《招标投标法实施条例》 Art. 40(1)(2); e-platform rules on identical machine codes, MAC, CPU/HDD serials, dongles';

export interface Settings {
  /** Base probability of each shared kind before rarity weighting [machine_code 0.95, doc_hash 0.95, ca_cert 0.9, mac 0.85, doc_author 0.6]. */
  bases: Record<'machine_code' | 'doc_hash' | 'ca_cert' | 'mac' | 'doc_author', number>;
  /** Pairs scoring below this are dropped [0.3]. */
  minScore: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  bases: { machine_code: 0.95, doc_hash: 0.95, ca_cert: 0.9, mac: 0.85, doc_author: 0.6 },
  minScore: 0.3,
};

/** One flag per pair of bidders of an in-scope lot that share upload fingerprints. */
export const detect: Detector<Settings> = (context, settings) =>
  sharedValueFlags(context, {
    detector: 'shared-fingerprint',
    basis: BASIS,
    bases: settings.bases,
    minScore: settings.minScore,
    finding: 'Shared upload fingerprint',
  });

/** How a shared-value detector reads the bids of a lot. */
export interface SharedValueSpec {
  detector: DetectorId;
  basis: string;
  /** Base probability of each value kind compared; kinds not listed are ignored. */
  bases: Partial<Record<ValueKind, number>>;
  /** Pairs scoring below this are dropped. */
  minScore: number;
  /** First words of the summary, e.g. 'Shared upload fingerprint'. */
  finding: string;
  /** True when a shared value is no evidence at all (a bond paid by a guarantor). */
  excluded?: (kind: ValueKind, value: string) => boolean;
}

const LABEL: Readonly<Record<ValueKind, string>> = {
  ip: 'IP address',
  mac: 'MAC address',
  machine_code: 'machine code',
  ca_cert: 'CA certificate',
  doc_hash: 'document hash',
  doc_author: 'document author',
  bond_account: 'bond account',
  bond_payer: 'bond payer',
  phone: 'contact phone',
  address: 'address',
  contact_person: 'contact person',
  project_manager: 'project manager',
  agent_person: 'agent person (委托代理人)',
};

/** Kinds whose values are ids of persons or organisations: they join the flag's entities. */
const ENTITY_KINDS: ReadonlySet<ValueKind> = new Set([
  'contact_person',
  'project_manager',
  'agent_person',
  'bond_payer',
]);

/** A value of one kind used in a lot, with the bids of each bidder that carried it. */
interface Use {
  kind: ValueKind;
  value: string;
  bids: Map<string, string[]>;
}

/**
 * The family's engine: per in-scope lot, per pair of different bidders, the values of the
 * compared kinds they share, weighted and combined into one flag (identity: lot + both bidders).
 * @example sharedValueFlags(context, { detector: 'shared-ip', basis, bases: { ip: 0.5 }, minScore: 0.3, finding: 'Shared IP' })
 */
export function sharedValueFlags(context: Context, spec: SharedValueSpec): Flag[] {
  const flags: Flag[] = [];
  for (const lot of context.lots()) {
    if (!context.inScope(lot.id)) continue;
    for (const [pair, shared] of pairsOf(usesOf(context.bidsOfLot(lot.id), spec))) {
      const flag = pairFlag(context, spec, lot, pair, shared);
      if (flag) flags.push(flag);
    }
  }
  return flags.sort((x, y) => x.id.localeCompare(y.id));
}

function usesOf(bids: Bid[], spec: SharedValueSpec): Use[] {
  const uses = new Map<string, Use>();
  for (const bid of bids) {
    for (const [kind, value] of bidValues(bid)) {
      if (spec.bases[kind] === undefined) continue;
      const key = `${kind}\u0000${value}`;
      let use = uses.get(key);
      if (!use) uses.set(key, (use = { kind, value, bids: new Map() }));
      use.bids.set(bid.bidder, [...(use.bids.get(bid.bidder) ?? []), bid.id].sort());
    }
  }
  return [...uses.values()];
}

/** Pairs [a, b] (a < b) of different bidders with the values both used, in pair order. */
function pairsOf(uses: Use[]): [[string, string], Use[]][] {
  const pairs = new Map<string, [[string, string], Use[]]>();
  for (const use of uses) {
    const bidders = [...use.bids.keys()].sort();
    for (let i = 0; i < bidders.length; i += 1) {
      for (let j = i + 1; j < bidders.length; j += 1) {
        const key = `${bidders[i]}\u0000${bidders[j]}`;
        let entry = pairs.get(key);
        if (!entry) pairs.set(key, (entry = [[bidders[i], bidders[j]], []]));
        entry[1].push(use);
      }
    }
  }
  return [...pairs.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, entry]) => entry);
}

function pairFlag(
  context: Context,
  spec: SharedValueSpec,
  lot: Lot,
  [a, b]: [string, string],
  shared: Use[],
): Flag | undefined {
  const pieces = shared
    .filter((use) => !spec.excluded?.(use.kind, use.value))
    .map((use) => ({ use, weight: context.rarity.weight(use.kind, use.value), base: spec.bases[use.kind] ?? 0 }))
    .map((piece) => ({ ...piece, p: piece.base * piece.weight }))
    .filter((piece) => piece.p > 0)
    .sort((x, y) => y.p - x.p || x.use.kind.localeCompare(y.use.kind) || x.use.value.localeCompare(y.use.value));
  const score = combine(pieces.map((piece) => piece.p));
  if (pieces.length === 0 || score < spec.minScore) return undefined;
  const evidence: Evidence[] = pieces.map(({ use, weight, base, p }) => {
    const users = context.rarity.count(use.kind, use.value);
    const [ofA, ofB] = [use.bids.get(a) ?? [], use.bids.get(b) ?? []];
    return {
      kind: 'shared-value',
      text:
        `${a} (${ofA.join(', ')}) and ${b} (${ofB.join(', ')}) share ${LABEL[use.kind]} ${use.value}; ` +
        `${users} organisation(s) use it in all lots: weight ${round(weight)}, evidence ${round(p)}`,
      data: { kind: use.kind, value: use.value, bids: { [a]: ofA, [b]: ofB }, organizations: users, weight, base, p },
    };
  });
  const kinds = [...new Set(pieces.map((piece) => LABEL[piece.use.kind]))];
  const people = pieces.filter((piece) => ENTITY_KINDS.has(piece.use.kind)).map((piece) => piece.use.value);
  return makeFlag(spec.detector, [lot.id, a, b], {
    score,
    lot: lot.id,
    project: lot.project,
    entities: [...new Set([a, b, ...people])].sort(),
    bids: [...new Set(pieces.flatMap(({ use }) => [a, b].flatMap((bidder) => use.bids.get(bidder) ?? [])))].sort(),
    basis: spec.basis,
    summary: `${spec.finding} found in lot ${lot.id}: ${a} and ${b} share ${kinds.join(', ')}`,
    evidence,
  });
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
