/**
 * API keys against the real Neo4j of the test run: only hashes are stored, lookups find unrevoked
 * keys only, names are unique among unrevoked keys and jurisdictions are validated.
 */
import { randomBytes } from 'node:crypto';
import { Graph } from '../../cypher/runner';
import { connectTestGraph } from '../../test/graph';
import { createKey, findKey, hashKey, listKeys, revokeKey } from './store';

let graph: Graph;
/** Names unique to this run, so the tests do not depend on what else is in the graph. */
const unique = (label: string): string => `${label}-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  graph = await connectTestGraph();
});
afterAll(async () => {
  await graph.close();
});

test('create returns a ck_ key of which only the hash is stored', async () => {
  const { key, record } = await createKey(graph, {
    name: unique('zhengzhou-housing'),
    role: 'supervisor',
    regions: ['4101', ' 410102 ', '4101'],
    sectors: ['water', 'construction'],
  });
  expect(key).toMatch(/^ck_[A-Za-z0-9]{40}$/);
  expect(record).toMatchObject({
    role: 'supervisor',
    regions: ['4101', '410102'],
    sectors: ['construction', 'water'],
    revoked_at: null,
  });
  expect(record.id).toMatch(/^K-[0-9a-f]{12}$/);
  expect(Object.keys(record).sort()).toEqual(['created_at', 'id', 'name', 'regions', 'revoked_at', 'role', 'sectors']);

  const nodes = (await graph.read('admin/graph-digest'))
    .map((r) => r.item as { labels: string[]; props: Record<string, unknown> })
    .filter((item) => item.labels?.includes('ApiKey'));
  const stored = nodes.find((item) => item.props.id === record.id);
  expect(stored?.props.hash).toBe(hashKey(key));
  for (const item of nodes) {
    for (const value of Object.values(item.props)) {
      expect(JSON.stringify(value)).not.toContain(key);
    }
  }
});

test('find by key; unknown, malformed and revoked keys are not found', async () => {
  const name = unique('feed');
  const { key, record } = await createKey(graph, { name, role: 'feed' });
  expect(record.regions).toBeNull();
  expect(record.sectors).toBeNull();
  expect(await findKey(graph, key)).toEqual(record);
  expect(await findKey(graph, 'ck_' + 'x'.repeat(40))).toBeUndefined();
  expect(await findKey(graph, `Bearer ${key}`)).toBeUndefined();

  const listed = (await listKeys(graph)).find((k) => k.id === record.id);
  expect(listed).toEqual(record);
  expect(JSON.stringify(await listKeys(graph))).not.toMatch(/hash|ck_/);

  const revoked = await revokeKey(graph, name);
  expect(revoked?.id).toBe(record.id);
  expect(revoked?.revoked_at).toEqual(expect.any(String));
  expect(await findKey(graph, key)).toBeUndefined();
  // Revoking again by id keeps the first revocation time; by name there is no unrevoked key left.
  expect((await revokeKey(graph, record.id))?.revoked_at).toBe(revoked?.revoked_at);
  expect(await revokeKey(graph, name)).toBeUndefined();
  expect(await revokeKey(graph, 'K-000000000000')).toBeUndefined();
});

test('a name is unique among unrevoked keys, and free again once revoked', async () => {
  const name = unique('audit-office');
  const first = await createKey(graph, { name, role: 'auditor' });
  await expect(createKey(graph, { name, role: 'auditor' })).rejects.toThrow(
    `a key named "${name}" already exists and is not revoked`,
  );
  await revokeKey(graph, first.record.id);
  const second = await createKey(graph, { name, role: 'auditor' });
  expect(second.record.id).not.toBe(first.record.id);
  expect(await findKey(graph, second.key)).toEqual(second.record);
});

test('concurrent creations of one name: exactly one succeeds', async () => {
  const name = unique('race');
  const results = await Promise.allSettled(
    Array.from({ length: 4 }, () => createKey(graph, { name, role: 'operator' })),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/already exists/);
});

test('bad input is refused with a message saying what to fix', async () => {
  const name = unique('bad');
  await expect(createKey(graph, { name, role: 'supervisor', regions: ['41a1'] })).rejects.toThrow(
    'region "41a1" must be 2-6 digits',
  );
  await expect(createKey(graph, { name, role: 'supervisor', regions: ['4'] })).rejects.toThrow('must be 2-6 digits');
  await expect(createKey(graph, { name, role: 'supervisor', regions: ['4101010'] })).rejects.toThrow(
    'must be 2-6 digits',
  );
  await expect(createKey(graph, { name, role: 'supervisor', sectors: ['Construction'] })).rejects.toThrow(
    'sector "Construction" must be a lowercase word',
  );
  await expect(createKey(graph, { name, role: 'root' as never })).rejects.toThrow(
    'role "root" is unknown; use one of admin',
  );
  await expect(createKey(graph, { name: '  ', role: 'admin' })).rejects.toThrow('a key needs a name');
  expect((await listKeys(graph)).some((k) => k.name === name)).toBe(false);
});
