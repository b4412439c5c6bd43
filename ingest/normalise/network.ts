/**
 * Network fingerprints of the e-bidding client's upload log in canonical form: IPv4 without
 * leading zeros, IPv6 compressed and lower-case, MAC addresses as aa:bb:cc:dd:ee:ff.
 */
import { isIP } from 'node:net';

export function normaliseIp(raw: string): { value: string } | { error: string } {
  const trimmed = raw.trim();
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(trimmed);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return { error: `"${raw}" is not an IP address` };
    return { value: parts.join('.') };
  }
  if (isIP(trimmed) === 6) return { value: new URL(`http://[${trimmed}]`).hostname.slice(1, -1) };
  return { error: `"${raw}" is not an IP address` };
}

export function normaliseMac(raw: string): { value: string } | { error: string } {
  const hex = raw
    .trim()
    .toLowerCase()
    .replace(/[:\-.\s]/g, '');
  if (!/^[0-9a-f]{12}$/.test(hex)) return { error: `"${raw}" is not a MAC address (12 hex digits)` };
  return { value: hex.match(/../g)!.join(':') };
}
