/**
 * Same network: two bidders of one lot that uploaded from the same IP address. Weaker than a MAC:
 * offices, VPNs and the trading centre's own public terminals are shared, so the base is low and
 * the rarity weight (2 / organisations using the IP) makes busy addresses vanish. Basis:
 * 《招标投标法实施条例》 Art. 40(2), by platform practice. The pair engine is the family's, in
 * shared-fingerprint.ts.
 */
import { Detector } from '../context';
import { sharedValueFlags } from './shared-fingerprint';

const BASIS = '《招标投标法实施条例》 Art. 40(2), by platform practice';

export interface Settings {
  /** Base probability of a shared IP before rarity weighting [0.5]. */
  base: number;
  /** Pairs scoring below this are dropped [0.3]. */
  minScore: number;
}

/** Documented defaults: an IP shared by exactly two organisations scores 0.5, by four 0.25 (dropped). */
export const DEFAULTS: Settings = { base: 0.5, minScore: 0.3 };

/** One flag per pair of bidders of an in-scope lot that uploaded from the same IP. */
export const detect: Detector<Settings> = (context, settings) =>
  sharedValueFlags(context, {
    detector: 'shared-ip',
    basis: BASIS,
    bases: { ip: settings.base },
    minScore: settings.minScore,
    finding: 'Shared upload IP',
  });
