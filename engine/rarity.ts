/**
 * How much a shared value says: one shared by two bidders is evidence; one shared by hundreds
 * (the trading centre's public terminals, a guarantee company, an office tower, the default
 * document author "Administrator") is noise. Weight = min(1, 2 / n) for a value used by n
 * distinct organisations, 0 for values marked benign. Statutory identities (Art. 40: the same
 * project manager, contact person or agent person, machine code, document hash) keep weight 1.
 * Triage feeds back: each dismissed flag citing a value halves its weight (statutory ones too: a
 * person looked and found nothing), so a value dismissed again and again fades from the feed.
 */
import { BenignValue, Bid, Projection, TriageDecision, ValueKind } from './model';

/** Weight left to a value for each dismissed flag that cited it. */
export const DISMISSED_FACTOR = 0.5;

export const STATUTORY: ReadonlySet<ValueKind> = new Set([
  'machine_code',
  'doc_hash',
  'project_manager',
  'contact_person',
  'agent_person',
]);

export class Rarity {
  private readonly users = new Map<string, Set<string>>();
  private readonly benign: Set<string>;
  private readonly dismissed = new Map<string, number>();

  constructor(benign: BenignValue[], triage: TriageDecision[] = []) {
    this.benign = new Set(benign.map((b) => `${b.kind}\u0000${b.value}`));
    for (const decision of triage) {
      if (decision.status !== 'dismissed') continue;
      for (const kindValue of decision.values) {
        const at = kindValue.indexOf('=');
        const key = `${kindValue.slice(0, at)}\u0000${kindValue.slice(at + 1)}`;
        this.dismissed.set(key, (this.dismissed.get(key) ?? 0) + 1);
      }
    }
  }

  /** Counts the distinct organisations of every value of every bid in the projection. */
  static of(projection: Projection): Rarity {
    const rarity = new Rarity(projection.benign, projection.triage);
    for (const bid of projection.bids.values()) {
      for (const [kind, value] of bidValues(bid)) rarity.use(kind, value, bid.bidder);
    }
    return rarity;
  }

  use(kind: ValueKind, value: string, organization: string): void {
    const key = `${kind}\u0000${value}`;
    let set = this.users.get(key);
    if (!set) this.users.set(key, (set = new Set()));
    set.add(organization);
  }

  /** Distinct organisations using the value. */
  count(kind: ValueKind, value: string): number {
    return this.users.get(`${kind}\u0000${value}`)?.size ?? 0;
  }

  isBenign(kind: ValueKind, value: string): boolean {
    return this.benign.has(`${kind}\u0000${value}`);
  }

  /** Weight in [0, 1] of a value shared between bidders. */
  weight(kind: ValueKind, value: string): number {
    if (this.isBenign(kind, value)) return 0;
    const fade = DISMISSED_FACTOR ** (this.dismissed.get(`${kind}\u0000${value}`) ?? 0);
    if (STATUTORY.has(kind)) return fade;
    const n = Math.max(2, this.count(kind, value));
    return Math.min(1, 2 / n) * fade;
  }
}

/** The shared values of a bid, as [kind, value] pairs. */
export function bidValues(
  bid: Pick<
    Bid,
    | 'ip'
    | 'mac'
    | 'machineCode'
    | 'caCert'
    | 'docHash'
    | 'docAuthor'
    | 'bondAccount'
    | 'bondPayer'
    | 'contactPhone'
    | 'contactPerson'
    | 'projectManager'
    | 'agentPerson'
  >,
): [ValueKind, string][] {
  const out: [ValueKind, string][] = [];
  const add = (kind: ValueKind, value: string | undefined) => {
    if (value !== undefined && value !== '') out.push([kind, value]);
  };
  add('ip', bid.ip);
  add('mac', bid.mac);
  add('machine_code', bid.machineCode);
  add('ca_cert', bid.caCert);
  add('doc_hash', bid.docHash);
  add('doc_author', bid.docAuthor);
  add('bond_account', bid.bondAccount);
  add('bond_payer', bid.bondPayer);
  add('phone', bid.contactPhone);
  add('contact_person', bid.contactPerson);
  add('project_manager', bid.projectManager);
  add('agent_person', bid.agentPerson);
  return out;
}
