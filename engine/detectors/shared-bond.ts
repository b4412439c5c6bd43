/**
 * Same money: the bonds (保证金) of two bidders of one lot paid from the same account or by the same
 * payer. Basis: 《招标投标法实施条例》 Art. 40(6) (投标保证金从同一单位或者个人的账户转出); World Bank
 * warning signs. A payer whose business is paying bonds (an organisation of kind `guarantor` or
 * `bank`), or an account such an organisation holds, is no evidence; other payers are weighted by
 * rarity. A bidder paying its rival's bond is the case Art. 40(6) names, so it is kept.
 * The pair engine is the family's, in shared-fingerprint.ts.
 */
import { Context, Detector } from '../context';
import { ValueKind } from '../model';
import { sharedValueFlags } from './shared-fingerprint';

const BASIS = '《招标投标法实施条例》 Art. 40(6); World Bank warning signs';

export interface Settings {
  /** Base probability of each shared kind before rarity weighting [bond_account 0.9, bond_payer 0.9]. */
  bases: Record<'bond_account' | 'bond_payer', number>;
  /** Organisation kinds whose payments and accounts are no evidence [guarantor, bank]. */
  benignKinds: string[];
  /** Pairs scoring below this are dropped [0.3]. */
  minScore: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  bases: { bond_account: 0.9, bond_payer: 0.9 },
  benignKinds: ['guarantor', 'bank'],
  minScore: 0.3,
};

/** One flag per pair of bidders of an in-scope lot whose bonds came from the same account or payer. */
export const detect: Detector<Settings> = (context, settings) =>
  sharedValueFlags(context, {
    detector: 'shared-bond',
    basis: BASIS,
    bases: settings.bases,
    minScore: settings.minScore,
    finding: 'Shared bond source',
    excluded: benignPayer(context, new Set(settings.benignKinds)),
  });

/** True for a payer of a benign kind, or an account held by one. */
function benignPayer(context: Context, kinds: ReadonlySet<string>): (kind: ValueKind, value: string) => boolean {
  const benign = [...context.projection.organizations.values()].filter((o) => o.kind && kinds.has(o.kind));
  const payers = new Set(benign.map((o) => o.id));
  const accounts = new Set(benign.flatMap((o) => o.accounts));
  return (kind, value) => (kind === 'bond_payer' ? payers.has(value) : kind === 'bond_account' && accounts.has(value));
}
