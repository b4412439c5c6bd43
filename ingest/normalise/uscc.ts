/**
 * 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): 18 characters whose last one is
 * a mod-31 check character over the first 17. Used by ingest to reject mistyped codes and by the
 * fixture generator to make valid ones.
 */

/** The 31 characters of the code (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character for the first 17 characters of a code.
 * @example usccCheckChar('91350100M000100Y4') // '3'
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`uscc: need 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`uscc: "${first17[i]}" is not a USCC character`);
    sum += value * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Upper-cases and strips spaces and dashes; returns the canonical form or an error reason. */
export function normaliseUscc(raw: string): { value: string } | { error: string } {
  const value = raw.replace(/[\s-]/g, '').toUpperCase();
  if (value.length !== 18) return { error: `must have 18 characters, got ${value.length}` };
  for (const ch of value) {
    if (!USCC_ALPHABET.includes(ch)) return { error: `"${ch}" is not allowed in a USCC` };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return { error: `checksum fails (last character should be ${expected})` };
  return { value };
}
