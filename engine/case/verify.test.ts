/** Finding a case file's production in audit entries by its SHA-256, without services. */
import { findProduction, sha256Hex } from './verify';

const entry = (seq: number, params: Record<string, unknown>, status = 200) => ({
  line: seq,
  entry: {
    seq,
    at: `2024-01-0${seq}T00:00:00.000Z`,
    key: `key-${seq}`,
    role: 'auditor',
    route: '/api/v1/flags/:id/case',
    status,
    params,
  },
});

test('the entry that logged the hash is found, with who, when, what and the format', () => {
  const hash = sha256Hex('<html>case</html>');
  const entries = [
    entry(1, { id: 'F-1' }),
    entry(2, { case: 'flag', id: 'F-1', format: 'html', redact: true, sha256: hash, bytes: 17 }),
    entry(3, { case: 'flag', id: 'F-1', format: 'html', redact: false, sha256: hash, bytes: 17 }),
  ];
  expect(findProduction(hash, entries)).toEqual({
    line: 2,
    seq: 2,
    at: '2024-01-02T00:00:00.000Z',
    by: 'key-2',
    role: 'auditor',
    route: '/api/v1/flags/:id/case',
    kind: 'flag',
    id: 'F-1',
    format: 'html',
    redacted: true,
  });
});

test('another hash, a failed request or an entry that is not a case file is no production', () => {
  const hash = sha256Hex('a');
  expect(findProduction(hash, [entry(1, { case: 'flag', id: 'F-1', sha256: sha256Hex('b') })])).toBeUndefined();
  expect(findProduction(hash, [entry(1, { case: 'flag', id: 'F-1', sha256: hash }, 500)])).toBeUndefined();
  expect(findProduction(hash, [entry(1, { id: 'F-1', sha256: hash })])).toBeUndefined();
});

test('a hash the audit log stored in its scrubbed form is still found', () => {
  const hash = `ab${'1'.repeat(18)}cd${'e'.repeat(44)}`;
  const scrub = (t: string) => t.replace(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g, '[id-number]');
  const stored = scrub(hash);
  expect(stored).not.toBe(hash);
  expect(findProduction(hash, [entry(1, { case: 'community', id: 'C-1', sha256: stored })], scrub)?.id).toBe('C-1');
});
