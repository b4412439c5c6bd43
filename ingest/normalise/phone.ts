/**
 * Phone numbers in one form, so that "+86 138-0013-8000" and "13800138000" meet on one Phone
 * node: digits only, the country code dropped, landlines as area code + number ("037112345678").
 */

/** Returns the canonical phone, or an error reason. */
export function normalisePhone(raw: string): { value: string } | { error: string } {
  const compact = raw.normalize('NFKC').replace(/[\s\-()（）.]/g, '');
  let digits = compact.replace(/^\+/, '');
  if (!/^\d+(?:(?:ext|转|x|#)\d+)?$/i.test(digits)) return { error: `"${raw}" is not a phone number` };
  digits = digits.replace(/(?:ext|转|x|#)\d+$/i, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length >= 12) digits = digits.slice(2);
  if (digits.length < 7 || digits.length > 13)
    return { error: `"${raw}" has ${digits.length} digits, not a phone number` };
  return { value: digits };
}
