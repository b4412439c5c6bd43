/** Normalisers of shared values and codes: canonical forms meet, bad values are named. */
import { normaliseAddress } from './address';
import { IdHasher, isResidentIdNumber } from './id-number';
import { normaliseAccount, normaliseAuthor, normaliseCode } from './identifiers';
import { normaliseIp, normaliseMac } from './network';
import { normalisePhone } from './phone';
import { normaliseUscc, usccCheckChar } from './uscc';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('USCC (统一社会信用代码)', () => {
  test('accepts a valid code in any case and spacing', () => {
    expect(normaliseUscc('91350100m000100y43')).toEqual({ value: '91350100M000100Y43' });
    expect(normaliseUscc(' 9135 0100 M000 100Y43 ')).toEqual({ value: '91350100M000100Y43' });
  });
  test('rejects a wrong check character, a wrong length and forbidden letters', () => {
    expect(normaliseUscc('91350100M000100Y44')).toEqual({ error: 'checksum fails (last character should be 3)' });
    expect(normaliseUscc('91350100M000100Y4')).toMatchObject({ error: expect.stringMatching(/18 characters/) });
    expect(normaliseUscc('91350100M000100I43')).toMatchObject({ error: expect.stringMatching(/"I" is not allowed/) });
  });
  test('check character computes over the 31-character alphabet', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(() => usccCheckChar('123')).toThrow(/17 characters/);
  });
});

describe('phones', () => {
  test('mobile numbers lose country code and layout', () => {
    for (const raw of ['+86 138-0013-8000', '0086 13800138000', '8613800138000', '138 0013 8000', '（138）00138000']) {
      expect(normalisePhone(raw)).toEqual({ value: '13800138000' });
    }
  });
  test('landlines keep their area code; extensions are dropped', () => {
    expect(normalisePhone('0371-6588 1234')).toEqual({ value: '037165881234' });
    expect(normalisePhone('0371-65881234转801')).toEqual({ value: '037165881234' });
  });
  test('text and short numbers are errors', () => {
    expect(normalisePhone('call me')).toHaveProperty('error');
    expect(normalisePhone('12345')).toHaveProperty('error');
  });
});

describe('addresses', () => {
  test('full-width, spaces and punctuation fold away', () => {
    expect(normaliseAddress('中国河南省郑州市金水区 花园路１号（A座）')).toBe(
      normaliseAddress('河南省郑州市金水区花园路1号A座'),
    );
  });
  test('an address of punctuation only is nothing', () => {
    expect(normaliseAddress(' ，。 ')).toBeUndefined();
  });
});

describe('network fingerprints', () => {
  test('IPv4 loses leading zeros; IPv6 is compressed', () => {
    expect(normaliseIp('010.000.000.007')).toEqual({ value: '10.0.0.7' });
    expect(normaliseIp('2001:0DB8:0000:0000:0000:0000:0000:0001')).toEqual({ value: '2001:db8::1' });
  });
  test('bad IPs are errors', () => {
    expect(normaliseIp('300.1.1.1')).toHaveProperty('error');
    expect(normaliseIp('localhost')).toHaveProperty('error');
  });
  test('MACs in any notation meet', () => {
    for (const raw of ['AA-BB-CC-DD-EE-FF', 'aa:bb:cc:dd:ee:ff', 'aabb.ccdd.eeff', 'AABBCCDDEEFF']) {
      expect(normaliseMac(raw)).toEqual({ value: 'aa:bb:cc:dd:ee:ff' });
    }
    expect(normaliseMac('AA-BB-CC')).toHaveProperty('error');
  });
  test('codes, accounts and authors fold case and layout', () => {
    expect(normaliseCode(' bfebfbff-000906ea ')).toBe('BFEBFBFF000906EA');
    expect(normaliseAccount('6222 0202 0001 1234')).toBe('6222020200011234');
    expect(normaliseAuthor('  Administrator ')).toBe('administrator');
  });
});

describe('personal ID numbers (居民身份证号码)', () => {
  test('MOD 11-2 check digit', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('11010519491231002x')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('1101051949')).toBe(false);
  });
  test('the keyed hash depends on the key, not on case or spaces, and hides the number', () => {
    const a = new IdHasher(Buffer.from('k1'));
    const b = new IdHasher(Buffer.from('k2'));
    expect(a.hash('11010519491231002x')).toBe(a.hash(' 11010519491231002X'));
    expect(a.hash('11010519491231002X')).not.toBe(b.hash('11010519491231002X'));
    expect(a.hash('11010519491231002X')).not.toContain('11010519491231002X');
  });
  test('the key file is created once in the data dir and reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-key-'));
    const first = IdHasher.forDataDir(dir).hash('11010519491231002X');
    const keyFile = path.join(dir, 'secrets', 'id-hash.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(IdHasher.forDataDir(dir).hash('11010519491231002X')).toBe(first);
    expect(IdHasher.forDataDir(dir, 'from-env').hash('11010519491231002X')).not.toBe(first);
  });
});
