/**
 * `collusion keys` and `collusion audit verify` end to end, in-process, against the real Neo4j of
 * the test run: the key is printed once and never listed; verify's exit code tells intact from tampered.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collusion } from '../test/cli';
import { AuditLog } from '../api/audit/log';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-cli-keys-'));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('keys create prints the key as the last line; keys list --json never shows it; revoke by name', async () => {
  const name = `cli-${randomBytes(4).toString('hex')}`;
  const created = await collusion(
    'keys',
    'create',
    '--role',
    'supervisor',
    '--regions',
    '4101,4102',
    '--sectors',
    'construction',
    '--name',
    name,
  );
  expect(created.code).toBe(0);
  const key = created.stdout.split('\n').at(-1) as string;
  expect(key).toMatch(/^ck_[A-Za-z0-9]{40}$/);
  expect(created.stdout.split('\n').filter((line) => line.includes(key))).toHaveLength(1);

  const list = await collusion('keys', 'list', '--json');
  expect(list.code).toBe(0);
  expect(list.stdout).not.toContain(key);
  expect(list.stdout).not.toMatch(/"hash"/);
  const mine = (JSON.parse(list.stdout) as { name: string; regions: string[]; revoked_at: string | null }[]).find(
    (k) => k.name === name,
  );
  expect(mine).toMatchObject({ regions: ['4101', '4102'], revoked_at: null });
  expect((await collusion('keys', 'list')).stdout).not.toContain(key);

  expect((await collusion('keys', 'revoke', name)).code).toBe(0);
  expect((await collusion('keys', 'revoke', name)).code).toBe(1);
});

test('keys create: an unknown role is a usage error (2), a bad region an input error (1)', async () => {
  expect((await collusion('keys', 'create', '--role', 'root', '--name', 'x')).code).toBe(2);
  expect((await collusion('keys', 'create', '--role', 'admin')).code).toBe(2);
  const bad = await collusion('keys', 'create', '--role', 'supervisor', '--regions', '41x', '--name', 'bad-region');
  expect(bad.code).toBe(1);
  expect(bad.stdout).toBe('');
});

test('audit verify: exit 0 on an intact log, exit 1 naming the line of a tampered one', async () => {
  const file = path.join(dir, 'audit', 'audit.jsonl');
  const audit = AuditLog.open(file);
  for (const status of [200, 200, 403]) {
    audit.append({
      key: 'K-0123456789ab',
      role: 'auditor',
      method: 'GET',
      route: '/api/v1/flags',
      params: {},
      status,
      ms: 1,
    });
  }
  const good = await collusion('audit', 'verify', '--file', file);
  expect(good).toEqual({ code: 0, stdout: `audit log ${file}: 3 entries, intact` });

  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines[2] = lines[2].replace('"status":403', '"status":200');
  fs.writeFileSync(file, lines.join('\n'));
  const bad = await collusion('audit', 'verify', '--file', file);
  expect(bad.code).toBe(1);
  expect(bad.stdout).toMatch(/^line 3: hash mismatch/);

  expect((await collusion('audit', 'verify', '--file', path.join(dir, 'missing.jsonl'))).code).toBe(1);
});
