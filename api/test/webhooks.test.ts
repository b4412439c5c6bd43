/**
 * Webhooks over real HTTP with the processors running in-process and local receivers: each key
 * manages its own webhooks (admin all); after a rescoring, changed flags in the key's
 * jurisdiction are POSTed in signed batches of at most 100; a receiver failing twice gets the
 * delivery on the third try; one that always fails ends in a dead letter; a revoked key's
 * webhooks stop.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { findKey, revokeKey } from '../keys/store';
import { TestApi } from '../../test/api';
import { emptyGraph } from '../../test/graph';
import { eventually, plantedLots, Receiver, sleep, uploadAndRescore } from '../../test/pipeline';

process.env.COLLUSION_WEBHOOK_ATTEMPTS = '3';
process.env.COLLUSION_WEBHOOK_BACKOFF_MS = '200';
process.env.LOG_LEVEL = 'error';

interface Delivery {
  webhook: string;
  delivery: string;
  events: { id: string; type: string; flag: { id: string; lots: string[]; detector: string } }[];
}

let api: TestApi;
let admin: string;
let operator: string;
const receivers: Receiver[] = [];

async function receiver(answer?: (n: number) => number): Promise<Receiver> {
  const started = await Receiver.start(answer);
  receivers.push(started);
  return started;
}

async function register(key: string, url: string, extra: Record<string, unknown> = {}) {
  const answer = await api.call('POST', '/api/v1/webhooks', { key, body: { url, ...extra } });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; secret: string; url: string };
}

/** The signature check a receiver makes (as documented in api/webhooks/signature.ts). */
function signedBy(secret: string, body: string, header: unknown): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const deliveries = (r: Receiver) => r.requests.map((q) => JSON.parse(q.body) as Delivery);
const flagsOf = (r: Receiver) => deliveries(r).flatMap((d) => d.events.map((e) => e.flag));

beforeAll(async () => {
  api = await TestApi.start({ worker: true });
  await emptyGraph(api.server.deps.graph);
  admin = await api.key('admin');
  operator = await api.key('operator');
});
afterAll(async () => {
  await api.close();
  for (const r of receivers) await r.close();
});

test('keys manage their own webhooks, admins all; the secret is shown once; bad input is refused', async () => {
  const feedKey = await api.key('feed');
  const supervisor = await api.key('supervisor', { regions: ['4101'] });
  const mine = await register(feedKey, 'http://127.0.0.1:9/mine', {
    min_score: 0.5,
    detectors: ['shared-fingerprint'],
  });
  expect(mine.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
  expect(mine).toMatchObject({ url: 'http://127.0.0.1:9/mine', min_score: 0.5, detectors: ['shared-fingerprint'] });
  const theirs = await register(supervisor, 'https://example.org/theirs');

  const own = await api.get('/api/v1/webhooks', feedKey);
  expect(own.body.items.map((w: { id: string }) => w.id)).toEqual([mine.id]);
  expect(own.body.total).toBe(1);
  expect(JSON.stringify(own.body)).not.toContain('whsec_');
  const all = await api.get('/api/v1/webhooks?limit=500', admin);
  expect(all.body.items.map((w: { id: string }) => w.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));

  expect((await api.call('DELETE', `/api/v1/webhooks/${theirs.id}`, { key: feedKey })).status).toBe(404);
  expect((await api.get(`/api/v1/webhooks/${theirs.id}/dead-letters`, feedKey)).status).toBe(404);
  expect((await api.get(`/api/v1/webhooks/${mine.id}/dead-letters`, feedKey)).body).toEqual({
    items: [],
    next_cursor: null,
    total: 0,
  });
  expect((await api.call('DELETE', `/api/v1/webhooks/${theirs.id}`, { key: supervisor })).status).toBe(204);
  expect((await api.call('DELETE', `/api/v1/webhooks/${theirs.id}`, { key: supervisor })).status).toBe(404);
  expect((await api.call('DELETE', `/api/v1/webhooks/${mine.id}`, { key: admin })).status).toBe(204);

  const bad = await api.call('POST', '/api/v1/webhooks', { key: feedKey, body: { url: 'ftp://example.org/x' } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('body.url');
  const badDetector = await api.call('POST', '/api/v1/webhooks', {
    key: feedKey,
    body: { url: 'http://127.0.0.1:9/', detectors: ['astrology'] },
  });
  expect(badDetector.status).toBe(400);
  const auditor = await api.key('auditor');
  expect(
    (await api.call('POST', '/api/v1/webhooks', { key: auditor, body: { url: 'http://127.0.0.1:9/' } })).status,
  ).toBe(403);
});

test('changed flags are delivered signed, in scope; retried after failures; dead-lettered after the last try', async () => {
  const feedKey = await api.key('feed');
  const good = await receiver();
  const flaky = await receiver((n) => (n <= 2 ? 500 : 200));
  const dead = await receiver(() => 503);
  const elsewhere = await receiver();
  const goodHook = await register(feedKey, good.url);
  const flakyHook = await register(feedKey, flaky.url);
  const deadHook = await register(feedKey, dead.url);
  await register(await api.key('feed', { regions: ['4102'] }), elsewhere.url);

  await uploadAndRescore(api, operator, plantedLots('W1'));

  await eventually(
    () =>
      flagsOf(good).some((f) => f.detector === 'shared-fingerprint' && f.lots.includes('LOT-W1-1')) ? true : undefined,
    20_000,
    'delivery',
  );
  const request = good.requests.find((r) => r.body.includes('LOT-W1-1'))!;
  const body = JSON.parse(request.body) as Delivery;
  expect(signedBy(goodHook.secret, request.body, request.headers['x-collusion-signature'])).toBe(true);
  expect(signedBy(flakyHook.secret, request.body, request.headers['x-collusion-signature'])).toBe(false);
  expect(request.headers['x-collusion-delivery']).toBe(body.delivery);
  expect(request.headers['content-type']).toBe('application/json');
  expect(Math.abs(Number(request.headers['x-collusion-timestamp']) - Date.now() / 1000)).toBeLessThan(120);
  expect(body.webhook).toBe(goodHook.id);
  expect(body.events.length).toBeGreaterThan(0);
  expect(body.events.length).toBeLessThanOrEqual(100);
  for (const event of body.events) {
    expect(event.type).toBe('flag.changed');
    expect(event.id).toEqual(expect.any(String));
  }
  const planted = body.events.find(
    (e) => e.flag.detector === 'shared-fingerprint' && e.flag.lots.includes('LOT-W1-1'),
  )!;
  expect(planted.flag.detector).toBe('shared-fingerprint');

  // Fails twice, then takes it: the same delivery three times.
  await eventually(() => (flaky.requests.length >= 3 ? true : undefined), 20_000, 'the third attempt');
  expect(flaky.requests.map((r) => r.status)).toEqual([500, 500, 200]);
  expect(new Set(flaky.requests.map((r) => r.headers['x-collusion-delivery'])).size).toBe(1);
  expect(flaky.requests.every((r) => signedBy(flakyHook.secret, r.body, r.headers['x-collusion-signature']))).toBe(
    true,
  );

  // Always fails: three attempts, then the dead letter.
  const letters = await eventually(
    async () => {
      const answer = await api.get(`/api/v1/webhooks/${deadHook.id}/dead-letters`, feedKey);
      return answer.body.total > 0 ? answer.body : undefined;
    },
    20_000,
    'the dead letter',
  );
  expect(dead.requests).toHaveLength(3);
  expect(letters.items).toHaveLength(1);
  expect(letters.items[0]).toMatchObject({
    webhook: deadHook.id,
    delivery: dead.requests[0].headers['x-collusion-delivery'],
    attempts: 3,
    error: 'the receiver answered 503',
  });
  expect(letters.items[0].flags).toContain(planted.flag.id);
  expect((await api.get(`/api/v1/webhooks/${flakyHook.id}/dead-letters`, feedKey)).body.total).toBe(0);

  // Nothing for the key of another region.
  await sleep(500);
  expect(elsewhere.requests).toEqual([]);
  await sleep(1000);
  expect(flaky.requests).toHaveLength(3);
  for (const hook of (await api.get('/api/v1/webhooks?limit=500', admin)).body.items) {
    expect((await api.call('DELETE', `/api/v1/webhooks/${hook.id}`, { key: admin })).status).toBe(204);
  }
});

test('deliveries come in batches of at most 100 flags, and a revoked key’s webhooks stop', async () => {
  const sentinel = await receiver();
  const revoked = await receiver();
  await register(admin, sentinel.url);
  const leaving = await api.key('feed');
  await register(leaving, revoked.url);
  await revokeKey(api.server.deps.graph, (await findKey(api.server.deps.graph, leaving))!.id);

  await uploadAndRescore(api, operator, plantedLots('W2', { lots: 130 }));
  const lots = new Set(Array.from({ length: 130 }, (_, n) => `LOT-W2-${n + 1}`));
  await eventually(
    () => {
      const pairs = flagsOf(sentinel).filter((f) => f.detector === 'shared-fingerprint');
      const seen = new Set(pairs.flatMap((f) => f.lots.filter((l) => lots.has(l))));
      return seen.size === lots.size ? true : undefined;
    },
    30_000,
    'a shared-fingerprint flag for each of the 130 planted lots',
  );
  const sizes = deliveries(sentinel).map((d) => d.events.length);
  expect(sizes.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...sizes)).toBe(100);
  await sleep(1000);
  expect(revoked.requests).toEqual([]);
});
