/**
 * Uploads and jobs over real HTTP with the processors running in-process: an NDJSON upload is
 * loaded by a bull job that then queues the rescoring, and the planted flag appears; bad input
 * fails the job with file, line and field; a CSV folder as multipart loads the same way; limits
 * and roles hold; and a load job run again, or retried after a crash mid-way, duplicates nothing.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Graph } from '../../cypher/runner';
import { runLoadJob } from '../../ingest/jobs/load-processor';
import { LoadJob, uploadDir } from '../../ingest/jobs/load-queue';
import { TestApi } from '../../test/api';
import { emptyGraph, graphDigest } from '../../test/graph';
import { finishedJob, plantedLots, uploadNdjson } from '../../test/pipeline';

process.env.COLLUSION_UPLOAD_LIMIT_MB = '1';
process.env.LOG_LEVEL = 'error';

const SAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'sample', 'trading.ndjson');
let api: TestApi;
let operator: string;
let admin: string;

beforeAll(async () => {
  api = await TestApi.start({ worker: true });
  await emptyGraph(api.server.deps.graph);
  operator = await api.key('operator');
  admin = await api.key('admin');
});
afterAll(async () => {
  await api.close();
});

test('an NDJSON upload answers 202, the load job loads it and queues the rescoring, and the planted flag appears', async () => {
  const upload = await uploadNdjson(api, operator, plantedLots('L1'));
  expect(upload.status).toBe(202);
  expect(upload.body.job).toMatch(/^load:\d+$/);
  expect(upload.body.status_url).toBe(`/api/v1/jobs/${upload.body.job}`);
  expect(upload.headers.get('location')).toBe(upload.body.status_url);
  expect(fs.existsSync(path.join(uploadDir(api.server.deps.config.dataDir, upload.body.upload), 'upload.ndjson'))).toBe(
    true,
  );

  const load = await finishedJob(api, operator, upload.body.job);
  expect(load).toMatchObject({ id: upload.body.job, queue: 'load', state: 'completed', progress: 100, error: null });
  expect(load.attempts).toBe(0);
  expect(load.finished_at).not.toBeNull();
  const [source] = load.result.report.sources;
  expect(source).toMatchObject({ path: 'upload.ndjson', format: 'ndjson', status: 'loaded', records: 7, invalid: 0 });
  expect(source.types.bid).toEqual({ records: 2, written: 2 });
  expect(JSON.stringify(load)).not.toContain(api.server.deps.config.dataDir);
  expect(load.result.rescore_job).toMatch(/^rescore:\d+$/);

  const rescore = await finishedJob(api, operator, load.result.rescore_job!);
  expect(rescore).toMatchObject({ queue: 'rescore', state: 'completed' });
  expect(typeof rescore.result.flags).toBe('number');

  const flags = await api.get('/api/v1/flags?detector=shared-fingerprint&limit=500', admin);
  const planted = flags.body.items.find((f: { lots: string[] }) => f.lots.includes('LOT-L1-1'));
  expect(planted).toMatchObject({ detector: 'shared-fingerprint', status: 'open' });
});

test('bad input fails the load job at once with file, line and field, and writes nothing', async () => {
  const good = plantedLots('BAD').split('\n');
  const bad = JSON.stringify({ type: 'bid', id: 'BID-BAD-X', lot: 'LOT-BAD-1', bidder: 'ORG-BAD-A', price: 'cheap' });
  const upload = await uploadNdjson(api, operator, [...good.slice(0, 4), bad, ...good.slice(4)].join('\n'));
  expect(upload.status).toBe(202);
  const job = await finishedJob(api, operator, upload.body.job);
  expect(job.state).toBe('failed');
  expect(job.attempts).toBe(1);
  expect(job.result).toBeNull();
  expect(job.error!.message).toContain('upload.ndjson:5: bid.price: must be a number');
  expect(job.error!.message).toContain('upload again');
  expect(job.error!.errors).toEqual([expect.objectContaining({ file: 'upload.ndjson', line: 5, field: 'bid.price' })]);
  expect((await api.get('/api/v1/lots/LOT-BAD-1', admin)).status).toBe(404);
});

test('a CSV folder as multipart/form-data loads; a file named after no record type is refused by name', async () => {
  const csv = (header: string, ...rows: string[]) =>
    new Blob([[header, ...rows].join('\n') + '\n'], { type: 'text/csv' });
  const form = new FormData();
  form.append(
    'files',
    csv('id,name,region,kind', 'ORG-CSV-T,CSV招标人,410105,government', 'ORG-CSV-A,CSV甲公司,410105,company'),
    'organization.csv',
  );
  form.append(
    'files',
    csv('id,name,tenderer,region,sector', 'PRJ-CSV-1,CSV项目,ORG-CSV-T,410105,construction'),
    'folder/project.csv',
  );
  form.append('files', csv('id,project,name', 'LOT-CSV-1,PRJ-CSV-1,第一标段'), 'lot.csv');
  form.append('files', csv('id,lot,bidder,price', 'BID-CSV-1,LOT-CSV-1,ORG-CSV-A,1000'), 'bid.csv');
  const post = (body: FormData) =>
    fetch(`${api.url}/api/v1/loads?source=csv-test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}` },
      body,
    });
  const answer = await post(form);
  expect(answer.status).toBe(202);
  const { job } = (await answer.json()) as { job: string };
  const done = await finishedJob(api, operator, job);
  expect(done.state).toBe('completed');
  expect(done.result.report.sources[0]).toMatchObject({ path: 'csv', format: 'csv', status: 'loaded', records: 5 });
  expect((await api.get('/api/v1/lots/LOT-CSV-1', admin)).status).toBe(200);
  expect((await finishedJob(api, operator, done.result.rescore_job!)).state).toBe('completed');

  const uploads = path.join(api.server.deps.config.dataDir, 'uploads');
  const before = fs.readdirSync(uploads).length;
  const wrong = new FormData();
  wrong.append('files', csv('id,name', 'ORG-CSV-Z,Z'), 'organization.csv');
  wrong.append('files', csv('id,lot', 'X,Y'), 'bids.csv');
  const refused = await post(wrong);
  expect(refused.status).toBe(400);
  const problem = (await refused.json()) as { detail: string; file: string };
  expect(problem.detail).toContain('"bids.csv"');
  expect(problem.detail).toContain('bid.csv');
  expect(problem.file).toBe('bids.csv');
  expect(fs.readdirSync(uploads).length).toBe(before);
});

test('uploads: operators and admins only, NDJSON or multipart only, and no larger than the limit', async () => {
  const feed = await api.key('feed');
  expect((await uploadNdjson(api, feed, plantedLots('X'))).status).toBe(403);
  const json = await api.call('POST', '/api/v1/loads', { key: operator, body: { type: 'bid' } });
  expect(json.status).toBe(415);
  expect(json.body.detail).toContain('application/x-ndjson');
  expect((await uploadNdjson(api, operator, '')).status).toBe(400);

  const big = plantedLots('BIG', { lots: 1 }).repeat(Math.ceil((1.2 * 1024 * 1024) / plantedLots('BIG').length));
  const declared = await uploadNdjson(api, operator, big);
  expect(declared.status).toBe(413);
  expect(declared.body.detail).toContain('COLLUSION_UPLOAD_LIMIT_MB');

  // Without a Content-Length, the limit is enforced while streaming.
  const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(`${api.url}/api/v1/loads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${operator}`,
        'content-type': 'application/x-ndjson',
        'transfer-encoding': 'chunked',
      },
      agent: false,
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('close', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    const chunk = Buffer.from(plantedLots('BIG'));
    let sent = 0;
    const pump = () => {
      while (sent < 1.5 * 1024 * 1024) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body).detail).toContain('MiB');
});

test('GET /jobs/:id: operators and admins; unknown, malformed and webhook ids answer 404', async () => {
  for (const id of ['load:999999', 'rescore:999999', 'webhook:1', 'nonsense', 'load:']) {
    const answer = await api.get(`/api/v1/jobs/${encodeURIComponent(id)}`, admin);
    expect(answer.status).toBe(404);
    expect(answer.body.detail).toContain('load:12');
  }
  expect((await api.get('/api/v1/jobs/load:1', await api.key('auditor'))).status).toBe(403);
});

test('a load job run again, or retried after a crash mid-way, leaves the graph exactly as one clean run', async () => {
  const { graph, config, queues } = api.server.deps;
  // The same job again, through bull: nothing changes.
  const upload = await uploadNdjson(api, operator, plantedLots('RE', { lots: 3 }), '?rescore=false');
  const first = await finishedJob(api, operator, upload.body.job);
  expect(first.state).toBe('completed');
  expect(first.result.rescore_job).toBeNull();
  const data = (await queues.load.getJob(upload.body.job.slice('load:'.length)))!.data;
  const before = await graphDigest(graph);
  const again = await queues.load.add(data);
  const rerun = await finishedJob(api, operator, `load:${again.id}`);
  expect(rerun.state).toBe('completed');
  expect(rerun.result.report.sources[0].types.bid).toEqual({ records: 6, written: 0 });
  expect(await graphDigest(graph)).toEqual(before);

  // A crash mid-way (the connection fails after a few write transactions), then the retry.
  const id = 'up-crash-test';
  fs.mkdirSync(uploadDir(config.dataDir, id), { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(uploadDir(config.dataDir, id), 'upload.ndjson'));
  const job: LoadJob = {
    upload: id,
    files: ['upload.ndjson'],
    skipInvalid: false,
    rescore: false,
    by: 'test',
  };
  const handle = { data: job, progress: async () => undefined };

  await emptyGraph(graph);
  await runLoadJob(handle, { graph, config });
  const clean = await graphDigest(graph);

  await emptyGraph(graph);
  let writes = 0;
  const crashing = Object.create(graph) as Graph;
  crashing.writeTx = (work) => {
    writes += 1;
    if (writes > 5) return Promise.reject(new Error('simulated crash'));
    return graph.writeTx(work);
  };
  await expect(runLoadJob(handle, { graph: crashing, config })).rejects.toThrow('simulated crash');
  const partial = await graphDigest(graph);
  expect(partial.items).toBeGreaterThan(0);
  expect(partial.items).toBeLessThan(clean.items);

  const retried = await runLoadJob(handle, { graph, config });
  expect(retried.report.sources[0].status).toBe('loaded');
  expect(await graphDigest(graph)).toEqual(clean);
});
