/**
 * Test helpers for the upload → load → rescore → feed/webhook pipeline over real HTTP: planted
 * trading data (two bidders of one new lot sharing a machine code, which shared-fingerprint
 * flags), uploads, polling of GET /jobs, a small server-sent-events client and a local webhook
 * receiver that records what it is sent.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RescoreReport } from '../engine/rescore';
import type { LoadJobResult } from '../ingest/jobs/load-queue';
import type { TestApi } from './api';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * NDJSON of `lots` new lots, each of one new project in `region`, with two bidders whose bids
 * carry the same machine code: one shared-fingerprint flag per lot. Ids are `LOT-<tag>-<n>`.
 */
export function plantedLots(tag: string, options: { lots?: number; region?: string } = {}): string {
  const region = options.region ?? '410103';
  const records: Record<string, unknown>[] = [
    { type: 'organization', id: `ORG-${tag}-T`, name: `测试招标人${tag}`, region, kind: 'government' },
    { type: 'organization', id: `ORG-${tag}-A`, name: `测试甲公司${tag}`, region, kind: 'company' },
    { type: 'organization', id: `ORG-${tag}-B`, name: `测试乙公司${tag}`, region, kind: 'company' },
  ];
  for (let n = 1; n <= (options.lots ?? 1); n++) {
    const lot = `LOT-${tag}-${n}`;
    const machine = createHash('md5').update(lot).digest('hex').toUpperCase();
    records.push(
      {
        type: 'project',
        id: `PRJ-${tag}-${n}`,
        name: `测试项目${tag}-${n}`,
        tenderer: `ORG-${tag}-T`,
        region,
        sector: 'construction',
        procedure: 'open',
        budget: 1_000_000,
      },
      { type: 'lot', id: lot, project: `PRJ-${tag}-${n}`, name: '第一标段', ceiling_price: 1_000_000 },
      { type: 'bid', id: `BID-${tag}-${n}-A`, lot, bidder: `ORG-${tag}-A`, price: 900_000, machine_code: machine },
      { type: 'bid', id: `BID-${tag}-${n}-B`, lot, bidder: `ORG-${tag}-B`, price: 912_345, machine_code: machine },
    );
  }
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** POST /api/v1/loads with an NDJSON body. */
export function uploadNdjson(api: TestApi, key: string, ndjson: string, query = '') {
  return api.call('POST', `/api/v1/loads${query}`, {
    key,
    body: ndjson,
    headers: { 'content-type': 'application/x-ndjson' },
  });
}

export interface JobState {
  id: string;
  queue: string;
  state: string;
  progress: unknown;
  /** A load job's or a rescoring job's result (null at run time unless completed). */
  result: LoadJobResult & RescoreReport;
  error: { message: string; errors?: { file: string; line: number; field?: string; reason: string }[] } | null;
  attempts: number;
  created_at: string;
  finished_at: string | null;
}

/** Polls GET /jobs/:id until the job completed or failed. */
export function finishedJob(api: TestApi, key: string, id: string, timeoutMs = 90_000): Promise<JobState> {
  return eventually(
    async () => {
      const answer = await api.get<JobState>(`/api/v1/jobs/${id}`, key);
      if (answer.status !== 200)
        throw new Error(`GET /jobs/${id} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body.state === 'completed' || answer.body.state === 'failed' ? answer.body : undefined;
    },
    timeoutMs,
    `job ${id} to finish`,
  );
}

/** Uploads, waits for the load job and the rescoring job it queued; returns both. */
export async function uploadAndRescore(
  api: TestApi,
  key: string,
  ndjson: string,
): Promise<{ load: JobState; rescore: JobState }> {
  const upload = await uploadNdjson(api, key, ndjson);
  if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${JSON.stringify(upload.body)}`);
  const load = await finishedJob(api, key, upload.body.job);
  if (load.state !== 'completed') throw new Error(`load job failed: ${JSON.stringify(load.error)}`);
  const rescore = await finishedJob(api, key, load.result.rescore_job!);
  if (rescore.state !== 'completed') throw new Error(`rescore job failed: ${JSON.stringify(rescore.error)}`);
  return { load, rescore };
}

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** A minimal server-sent-events client over node:http that keeps every event it receives. */
export class SseClient {
  readonly events: SseEvent[] = [];
  body = '';
  private buffer = '';

  private constructor(
    private readonly request: http.ClientRequest,
    readonly response: http.IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (response.statusCode !== 200) {
        this.body += chunk;
        return;
      }
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event: SseEvent = { event: 'message', data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') event.id = value;
          else if (field === 'event') event.event = value;
          else if (field === 'data') {
            event.data += (hasData ? '\n' : '') + value;
            hasData = true;
          }
        }
        if (hasData) this.events.push(event);
      }
    });
    response.on('error', () => undefined);
  }

  static open(url: string, key: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${key}`, ...headers },
        agent: false,
      });
      request.on('response', (response) => resolve(new SseClient(request, response)));
      request.on('error', reject);
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  /** The `flag` events' flags. */
  flags(): { id: string; lots: string[]; detector: string; changed_at: string }[] {
    return this.events.filter((e) => e.event === 'flag').map((e) => JSON.parse(e.data));
  }

  waitFor(predicate: (event: SseEvent) => boolean, timeoutMs: number, what: string): Promise<SseEvent> {
    return eventually(() => this.events.find(predicate), timeoutMs, what);
  }

  /** Waits for the body of a non-200 answer. */
  async text(): Promise<string> {
    if (!this.response.complete) await new Promise((resolve) => this.response.once('end', resolve));
    return this.body;
  }

  close(): void {
    this.request.destroy();
  }
}

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A local webhook receiver answering `answer(n)` to its n-th request (1-based). */
export class Receiver {
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    readonly requests: ReceivedRequest[],
  ) {}

  static async start(answer: (n: number) => number = () => 200): Promise<Receiver> {
    const requests: ReceivedRequest[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const status = answer(requests.length + 1);
        requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new Receiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, requests);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
