/**
 * The early-warning feed over real HTTP: a flag planted through an upload (load job, rescoring
 * job) reaches the SSE stream of a key whose jurisdiction holds it and not of a key for another
 * region; `?since=` replays, `Last-Event-ID` resumes right after the event; polling stops when
 * the client goes away; roles and a malformed Last-Event-ID are refused.
 */
import { TestApi } from '../../test/api';
import { emptyGraph } from '../../test/graph';
import { plantedLots, sleep, SseClient, uploadAndRescore } from '../../test/pipeline';

process.env.COLLUSION_FEED_POLL_MS = '200';
process.env.LOG_LEVEL = 'error';

let api: TestApi;
let admin: string;
let operator: string;
const clients: SseClient[] = [];

async function feed(key: string, query = '', headers: Record<string, string> = {}): Promise<SseClient> {
  const client = await SseClient.open(`${api.url}/api/v1/feed${query}`, key, headers);
  clients.push(client);
  return client;
}

const hasLot = (lot: string) => (e: { event: string; data: string }) =>
  e.event === 'flag' &&
  (JSON.parse(e.data) as { lots: string[]; detector: string }).detector === 'shared-fingerprint' &&
  (JSON.parse(e.data) as { lots: string[] }).lots.includes(lot);

beforeAll(async () => {
  api = await TestApi.start({ worker: true });
  await emptyGraph(api.server.deps.graph);
  admin = await api.key('admin');
  operator = await api.key('operator');
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(async () => {
  await api.close();
});

let planted: { id: string; event: string; since: string };

test('a planted flag reaches the feed of keys whose jurisdiction holds it, and no other', async () => {
  const everything = await feed(admin);
  const henan = await feed(await api.key('feed', { regions: ['4101'] }));
  const elsewhere = await feed(await api.key('auditor', { regions: ['4102'] }));
  const water = await feed(await api.key('supervisor', { regions: ['41'], sectors: ['water'] }));
  for (const client of [everything, henan, elsewhere, water]) {
    expect(client.status).toBe(200);
    expect(client.response.headers['content-type']).toContain('text/event-stream');
  }
  const since = new Date().toISOString();

  await uploadAndRescore(api, operator, plantedLots('F1'));
  const event = await everything.waitFor(hasLot('LOT-F1-1'), 20_000, 'the planted flag on the admin feed');
  const flag = JSON.parse(event.data);
  expect(flag).toMatchObject({ detector: 'shared-fingerprint', status: 'open', active: true });
  expect(event.id).toEqual(expect.any(String));
  expect(flag.changed_at >= since).toBe(true);
  await henan.waitFor(hasLot('LOT-F1-1'), 5000, 'the planted flag on the 4101 feed');

  await sleep(1000);
  expect(elsewhere.flags()).toEqual([]);
  expect(water.flags()).toEqual([]);
  // Each flag goes out once.
  const ids = everything.flags().map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  planted = { id: flag.id, event: event.id!, since };
});

test('?since= replays what changed after it; Last-Event-ID resumes right after that event', async () => {
  const replay = await feed(admin, `?since=${encodeURIComponent(planted.since)}`);
  await replay.waitFor((e) => e.event === 'flag' && JSON.parse(e.data).id === planted.id, 5000, 'the replayed flag');
  await sleep(600);
  const replayed = replay.events.filter((e) => e.event === 'flag').map((e) => e.id);
  const position = replayed.indexOf(planted.event);
  expect(position).toBeGreaterThanOrEqual(0);

  const resumed = await feed(admin, '', { 'last-event-id': planted.event });
  await sleep(600);
  expect(resumed.events.filter((e) => e.event === 'flag').map((e) => e.id)).toEqual(replayed.slice(position + 1));

  // And the resumed stream goes on with what changes next.
  await uploadAndRescore(api, operator, plantedLots('F2'));
  await resumed.waitFor(hasLot('LOT-F2-1'), 20_000, 'the next flag on the resumed feed');
  expect(resumed.flags().map((f) => f.id)).not.toContain(planted.id);
});

test('polling stops when the client goes away', async () => {
  const graph = api.server.deps.graph;
  const read = jest.spyOn(graph, 'read');
  try {
    const polls = () => read.mock.calls.filter(([name]) => name === 'api/feed-counts').length;
    const client = await feed(admin);
    await sleep(700);
    expect(polls()).toBeGreaterThanOrEqual(2);
    client.close();
    await sleep(300);
    const after = polls();
    await sleep(1000);
    expect(polls()).toBe(after);
  } finally {
    read.mockRestore();
  }
});

test('roles, filters and a malformed Last-Event-ID', async () => {
  const refused = await feed(operator);
  expect(refused.status).toBe(403);
  expect(await refused.text()).toContain('operator');
  const garbage = await feed(admin, '', { 'last-event-id': 'not-a-cursor' });
  expect(garbage.status).toBe(400);
  expect(JSON.parse(await garbage.text()).detail).toContain('Last-Event-ID');
  const badSince = await feed(admin, '?since=yesterday');
  expect(badSince.status).toBe(400);
  const strict = await feed(admin, `?since=${encodeURIComponent(planted.since)}&detector=bid-rotation`);
  await sleep(600);
  expect(strict.flags().every((f) => f.detector === 'bid-rotation')).toBe(true);
});
