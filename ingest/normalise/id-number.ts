/**
 * Personal ID numbers (居民身份证号码) are never stored in clear: they become a keyed hash
 * (HMAC-SHA256), so the same person can be matched across records without the number itself.
 * The key comes from COLLUSION_ID_HASH_KEY or is created once in the data directory.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Pattern of an 18-character resident ID number (17 digits and a check digit or X). */
const RESIDENT_ID = /^\d{17}[\dX]$/;
const MOD11_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD11_CHECK = '10X98765432';

/** True for a resident ID number whose ISO 7064 MOD 11-2 check digit is right. */
export function isResidentIdNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!RESIDENT_ID.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(v[i]) * MOD11_WEIGHTS[i];
  return MOD11_CHECK[sum % 11] === v[17];
}

export class IdHasher {
  constructor(private readonly key: Buffer) {}

  /** Keyed hash of an ID number (spaces dropped, letters upper-cased), hex. */
  hash(idNumber: string): string {
    const canonical = idNumber.normalize('NFKC').replace(/\s/g, '').toUpperCase();
    return createHmac('sha256', this.key).update(canonical).digest('hex');
  }

  /**
   * The hasher for this installation: the key from `envKey` when given, else the key file
   * `<dataDir>/secrets/id-hash.key`, created (mode 0600) on first use.
   */
  static forDataDir(dataDir: string, envKey?: string): IdHasher {
    if (envKey !== undefined) return new IdHasher(Buffer.from(envKey, 'utf8'));
    const file = path.join(dataDir, 'secrets', 'id-hash.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    return new IdHasher(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8'));
  }
}
