/**
 * The price screens of one group of bids (a lot, or a subgroup of its bids): variance screens
 * (coefficient of variation, spread, kurtosis) and cover-bidding screens (DIFFP, relative distance,
 * skewness, Kolmogorov–Smirnov against uniform). Definitions follow Imhof (2017, "Simple
 * statistical screens to detect bid rigging"), Huber & Imhof (2019) and Wallimann, Imhof & Huber
 * (2023); each screen says which tail of its market distribution looks collusive.
 */
import { cv, ksUniform, kurtosis, sd, skewness } from './describe';

export type ScreenName = 'cv' | 'spread' | 'diffp' | 'rd' | 'skewness' | 'kurtosis' | 'ks';

/**
 * The collusive tail of each screen: cartels narrow the support of the bids (low CV and spread,
 * high kurtosis) and, without side payments, widen the gap between the two lowest bids while the
 * cover bids cluster (high DIFFP and RD, negative skew, bids far from uniform: high KS).
 */
export const COLLUSIVE_TAIL: Readonly<Record<ScreenName, 'low' | 'high'>> = {
  cv: 'low',
  spread: 'low',
  diffp: 'high',
  rd: 'high',
  skewness: 'low',
  kurtosis: 'high',
  ks: 'high',
};

export const SCREEN_NAMES = Object.keys(COLLUSIVE_TAIL) as ScreenName[];

/** Screen values of a group of bids; a screen not defined for the group is absent. */
export type Screens = Partial<Record<ScreenName, number>>;

/**
 * Computes every screen defined for the prices (positive numbers, any order, at least three):
 * cv = sd / mean; spread = (max − min) / min; diffp = (b₂ − b₁) / b₁ for the two lowest bids;
 * rd = (b₂ − b₁) / sd of the losing bids (all but the lowest); skewness and kurtosis as in
 * describe.ts (kurtosis needs four bids); ks = KS statistic against uniform on [min, max].
 * @example screens([100, 110, 111, 112]).rd // 10 / sd([110, 111, 112]) = 10
 */
export function screens(prices: readonly number[]): Screens {
  if (prices.length < 3) return {};
  const sorted = [...prices].sort((a, b) => a - b);
  const [b1, b2] = sorted;
  const gap = b2 - b1;
  const values: Record<ScreenName, number> = {
    cv: cv(sorted),
    spread: (sorted[sorted.length - 1] - b1) / b1,
    diffp: gap / b1,
    rd: gap / sd(sorted.slice(1)),
    skewness: skewness(sorted),
    kurtosis: kurtosis(sorted),
    ks: ksUniform(sorted),
  };
  const out: Screens = {};
  for (const name of SCREEN_NAMES) if (Number.isFinite(values[name])) out[name] = values[name];
  return out;
}
