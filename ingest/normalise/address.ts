/**
 * Addresses in one comparable form: full-width characters folded (NFKC), spaces and punctuation
 * removed, a leading "中国" dropped, Latin letters lower-cased. Two spellings of one office then
 * meet on one Address node; the original text stays on the record.
 */

const PUNCTUATION = /[\s,，、.。·:：;；"'“”‘’()（）[\]【】{}<>《》#＃\-—_/\\]/g;

/** Canonical address text, or undefined when nothing is left. */
export function normaliseAddress(raw: string): string | undefined {
  const folded = raw.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '').replace(/^中国/, '');
  return folded === '' ? undefined : folded;
}
