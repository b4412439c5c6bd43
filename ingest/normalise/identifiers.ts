/**
 * Canonical forms of the other shared values that can link bidders: machine codes, CA
 * certificate serials, document hashes and authors, bank accounts, e-mail addresses.
 */

/** Machine codes and CA serials: case and separators do not matter. */
export function normaliseCode(raw: string): string | undefined {
  const value = raw
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[\s:-]/g, '');
  return value === '' ? undefined : value;
}

export function normaliseDocHash(raw: string): string | undefined {
  const value = raw.trim().toLowerCase();
  return value === '' ? undefined : value;
}

/** Document author metadata: NFKC-folded and trimmed, case kept apart from Latin letters. */
export function normaliseAuthor(raw: string): string | undefined {
  const value = raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return value === '' ? undefined : value;
}

/** Bank accounts: digits and letters only (spaces and dashes are layout). */
export function normaliseAccount(raw: string): string | undefined {
  const value = raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  return value === '' ? undefined : value;
}

export function normaliseEmail(raw: string): string | undefined {
  const value = raw.normalize('NFKC').trim().toLowerCase();
  return value === '' ? undefined : value;
}
