/**
 * The `collusion` command end to end, in-process, against the real Neo4j of the test run:
 * exit codes (0 ok, 1 input errors, 2 usage, 3 service unavailable) and machine-readable output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collusion } from '../test/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-cli-'));

test('reset needs --yes (usage, exit 2), then empties the graph', async () => {
  expect((await collusion('reset')).code).toBe(2);
  expect((await collusion('reset', '--yes')).code).toBe(0);
  const stats = JSON.parse((await collusion('stats', '--json')).stdout);
  expect(stats).toMatchObject({ projects: 0, lots: 0, bids: 0, organizations: 0, experts: 0, persons: 0 });
});

test('load --json reports per type, and stats --json counts per label', async () => {
  await collusion('reset', '--yes');
  const file = path.join(dir, 'ok.ndjson');
  fs.writeFileSync(
    file,
    [
      { type: 'organization', id: 'O1', name: 'A' },
      { type: 'project', id: 'P1', name: 'p', tenderer: 'O1' },
      { type: 'lot', id: 'L1', project: 'P1' },
      { type: 'bid', id: 'B1', lot: 'L1', bidder: 'O1', price: 10 },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const load = await collusion('load', file, '--json');
  expect(load.code).toBe(0);
  const report = JSON.parse(load.stdout);
  expect(report.ok).toBe(true);
  expect(report.sources[0].types.bid).toEqual({ records: 1, written: 1 });
  const stats = JSON.parse((await collusion('stats', '--json')).stdout);
  expect(stats).toMatchObject({ projects: 1, lots: 1, bids: 1, organizations: 1 });
});

test('a bad file exits 1 and its JSON errors carry line, field and reason', async () => {
  const file = path.join(dir, 'bad.ndjson');
  fs.writeFileSync(
    file,
    '{"type":"organization","id":"O2","name":"B"}\n{"type":"bid","id":"B2","lot":"L1","bidder":"O2","price":"cheap"}\n',
  );
  const load = await collusion('load', file, '--json');
  expect(load.code).toBe(1);
  const [source] = JSON.parse(load.stdout).sources;
  expect(source.status).toBe('rejected');
  expect(source.errors).toEqual([
    { file, line: 2, type: 'bid', id: 'B2', field: 'bid.price', reason: 'must be a number, got "cheap"' },
  ]);
});

test('usage errors exit 2', async () => {
  expect((await collusion('load')).code).toBe(2);
  expect((await collusion('no-such-command')).code).toBe(2);
  expect((await collusion('load', 'x.ndjson', '--batch-size', 'many')).code).toBe(2);
  expect((await collusion('generate', '--out', dir, '--lots', '-3')).code).toBe(2);
});

test('a Neo4j that does not answer exits 3', async () => {
  const saved = process.env.NEO4J_URI;
  process.env.NEO4J_URI = 'bolt://127.0.0.1:1';
  try {
    expect((await collusion('stats', '--json')).code).toBe(3);
  } finally {
    process.env.NEO4J_URI = saved;
  }
});

test('a path that does not exist is an input error (exit 1)', async () => {
  expect((await collusion('load', path.join(dir, 'missing.ndjson'))).code).toBe(1);
});

test('triage: a bad status is a usage error, an unknown flag an input error naming it', async () => {
  expect((await collusion('triage', 'F-x', '--status', 'guilty')).code).toBe(2);
  expect((await collusion('triage', 'F-does-not-exist', '--status', 'dismissed')).code).toBe(1);
});
