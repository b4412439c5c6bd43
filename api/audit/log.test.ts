/**
 * The audit log on temporary files: the chain continues across reopening, every kind of tampering
 * is found with its line number, and no secret or personal ID number reaches the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditEntryInput, AuditLog, auditFile, verifyAuditLog } from './log';
import { loadConfig } from '../../lib/config';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-audit-'));
let n = 0;
const fresh = (): string => path.join(dir, `t${++n}`, 'nested', 'audit.jsonl');

function entry(i: number, extra: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    key: 'K-0123456789ab',
    role: 'auditor',
    method: 'GET',
    route: '/api/v1/flags',
    params: { page: i },
    status: 200,
    count: i,
    ms: 3,
    ...extra,
  };
}

function writeLog(count: number): string {
  const file = fresh();
  const log = AuditLog.open(file);
  for (let i = 1; i <= count; i++) log.append(entry(i));
  return file;
}

const lines = (file: string): string[] => fs.readFileSync(file, 'utf8').split('\n').slice(0, -1);
const setLines = (file: string, content: string[]): void => fs.writeFileSync(file, content.join('\n') + '\n');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('entries are chained from the genesis hash, with a private file in created folders', () => {
  const file = writeLog(3);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const [first, second, third] = lines(file).map((l) => JSON.parse(l));
  expect(Object.keys(first).sort()).toEqual(
    ['seq', 'at', 'key', 'role', 'method', 'route', 'params', 'status', 'count', 'ms', 'prev', 'hash'].sort(),
  );
  expect(first).toMatchObject({ seq: 1, prev: '0'.repeat(64), count: 1, status: 200, key: 'K-0123456789ab' });
  expect(second.prev).toBe(first.hash);
  expect(third).toMatchObject({ seq: 3, prev: second.hash });
  expect(verifyAuditLog(file)).toEqual({ ok: true, entries: 3, problems: [] });
});

test('reopening continues the chain (seq and prev); count may be absent', () => {
  const file = writeLog(2);
  const again = AuditLog.open(file);
  expect(again.file).toBe(path.resolve(file));
  again.append(entry(3, { count: undefined }));
  const third = JSON.parse(lines(file)[2]);
  expect(third).toMatchObject({ seq: 3, prev: JSON.parse(lines(file)[1]).hash, count: null });
  expect(verifyAuditLog(file)).toEqual({ ok: true, entries: 3, problems: [] });
});

test('two writers on one file in one process do not fork the chain', () => {
  const file = fresh();
  const a = AuditLog.open(file);
  const b = AuditLog.open(file);
  a.append(entry(1));
  b.append(entry(2));
  a.append(entry(3));
  expect(verifyAuditLog(file)).toEqual({ ok: true, entries: 3, problems: [] });
});

test('an edited entry is a hash mismatch on its line', () => {
  const file = writeLog(4);
  const content = lines(file);
  content[1] = content[1].replace('"status":200', '"status":404');
  setLines(file, content);
  const result = verifyAuditLog(file);
  expect(result.ok).toBe(false);
  expect(result.problems).toEqual([{ line: 2, reason: expect.stringContaining('hash mismatch') }]);
});

test('an edited entry whose hash was recomputed breaks the next prev', () => {
  const file = writeLog(3);
  const content = lines(file);
  const forged = JSON.parse(content[1]);
  forged.hash = 'f'.repeat(64);
  content[1] = JSON.stringify(forged);
  setLines(file, content);
  const lineNumbers = verifyAuditLog(file).problems.map((p) => p.line);
  expect(lineNumbers).toContain(2);
  expect(verifyAuditLog(file).problems).toContainEqual({
    line: 3,
    reason: expect.stringContaining('prev does not match'),
  });
});

test('a removed entry shows as a seq gap and a prev mismatch on the line after it', () => {
  const file = writeLog(5);
  const content = lines(file);
  content.splice(2, 1);
  setLines(file, content);
  const result = verifyAuditLog(file);
  expect(result.ok).toBe(false);
  expect(result.entries).toBe(4);
  expect(result.problems).toEqual([
    { line: 3, reason: 'seq 4 follows seq 2: 1 entry missing' },
    { line: 3, reason: expect.stringContaining('prev does not match the hash of the entry on line 2') },
  ]);
});

test('a removed first entry is found', () => {
  const file = writeLog(3);
  setLines(file, lines(file).slice(1));
  expect(verifyAuditLog(file).problems.map((p) => p.line)).toEqual([1, 1]);
});

test('reordered entries are found on the lines that moved', () => {
  const file = writeLog(4);
  const content = lines(file);
  [content[1], content[2]] = [content[2], content[1]];
  setLines(file, content);
  const result = verifyAuditLog(file);
  expect(result.ok).toBe(false);
  expect(result.problems).toContainEqual({ line: 3, reason: 'seq 2 follows seq 3: entries reordered or duplicated' });
  expect(result.problems.map((p) => p.line)).toEqual(expect.arrayContaining([2, 3]));
  expect(result.problems.every((p) => p.line >= 2)).toBe(true);
});

test('a malformed line is named, and the chain resumes after it', () => {
  const file = writeLog(4);
  const content = lines(file);
  content[1] = '{"seq": 2, "broken';
  setLines(file, content);
  const result = verifyAuditLog(file);
  expect(result.problems).toEqual([{ line: 2, reason: expect.stringMatching(/^malformed: not valid JSON/) }]);
  expect(result.entries).toBe(3);
});

test('an entry lacking fields, an empty line and a cut-short last line are malformed', () => {
  const file = writeLog(3);
  const content = lines(file);
  const noAt = JSON.parse(content[0]);
  delete noAt.at;
  content[0] = JSON.stringify(noAt);
  content[1] = '';
  fs.writeFileSync(file, content.join('\n') + '\n' + '{"seq":4');
  const problems = verifyAuditLog(file).problems;
  expect(problems).toEqual([
    { line: 1, reason: 'malformed: missing at' },
    { line: 2, reason: 'empty line where an entry should be' },
    { line: 4, reason: expect.stringMatching(/^malformed/) },
  ]);
});

test('a log whose last line is cut short is not continued', () => {
  const file = writeLog(2);
  fs.appendFileSync(file, '{"seq":3,"at"');
  expect(() => AuditLog.open(file)).toThrow(/last line is not a complete entry.*collusion audit verify/);
});

test('verifying a missing file says so', () => {
  expect(() => verifyAuditLog(path.join(dir, 'nope.jsonl'))).toThrow(/no audit log at/);
});

test('params never hold secrets or resident ID numbers, at any depth; nor do route and key', () => {
  const file = fresh();
  const log = AuditLog.open(file);
  const apiKey = 'ck_' + 'a1B2'.repeat(10);
  log.append(
    entry(1, {
      key: apiKey,
      route: '/api/v1/persons/11010119900307123X',
      params: {
        Authorization: 'Bearer x',
        KEY: 'k',
        token: 't',
        Secret: 's',
        api_key: 'a',
        q: '身份证 110101199003071234 查询',
        lower: '11010119900307123x',
        longer: '9101011990030712345',
        nested: { list: ['110101199003071234', { token: 'deep' }], fine: 7 },
        when: new Date('2024-01-02T03:04:05Z'),
        gone: undefined,
        leaked: `Bearer ${apiKey}`,
      },
    }),
  );
  const text = fs.readFileSync(file, 'utf8');
  const written = JSON.parse(text);
  expect(written.params).toEqual({
    q: '身份证 [id-number] 查询',
    lower: '[id-number]',
    longer: '9101011990030712345',
    nested: { list: ['[id-number]', {}], fine: 7 },
    when: '2024-01-02T03:04:05.000Z',
    leaked: 'Bearer [api-key]',
  });
  expect(written.route).toBe('/api/v1/persons/[id-number]');
  expect(written.key).toBe('[api-key]');
  expect(text).not.toMatch(/110101199003071234|11010119900307123X|Bearer x|deep/);
  expect(text).not.toContain(apiKey);
  expect(verifyAuditLog(file).ok).toBe(true);
});

test('the default file lives under the data directory', () => {
  expect(auditFile({ ...loadConfig(), dataDir: '/srv/collusion' })).toBe(
    path.join('/srv/collusion', 'audit', 'audit.jsonl'),
  );
});
