/**
 * GET /feed: the early-warning feed as server-sent events. Every new or changed flag in the
 * caller's jurisdiction (new, rescored, triaged, retired) goes out as an event `flag` whose `id`
 * is an opaque cursor of (changed_at, flag id) and whose data is the flag as GET /flags/:id shows
 * it. A client that reconnects with `Last-Event-ID` (EventSource does so by itself), or asks with
 * `?since=`, gets everything after that point first; without either the feed starts from now.
 *
 * The stream polls Neo4j every COLLUSION_FEED_POLL_MS (a cheap count first, flags only when
 * something is new; cypher/api/feed-counts.cypher and flags-by-change.cypher), sends a comment
 * every 15 s so that proxies keep the connection, re-reads the key each time (a revoked key's
 * stream ends) and stops polling when the client goes away. A rescoring stamps all its flags
 * with one time over several transactions, so the feed remembers the flags it sent for the
 * latest time and sends the late ones of that time too.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { DETECTORS } from '../../engine/detectors';
import { int, Row } from '../../cypher/runner';
import type { ApiDeps } from '../deps';
import { encodeCursor } from '../pagination';
import { HttpProblem } from '../problem';
import { route } from '../route';
import { Scope, scopeOf } from '../scope';
import { flagView } from '../views/flag';

const HEARTBEAT_MS = 15_000;
const PAGE = 500;
/** Sorts after every flag id: `after` for "nothing more at this time". */
const PAST_ALL_IDS = '\uffff';

const DETECTOR_IDS: [string, ...string[]] = ['cartel-community', ...DETECTORS.map((d) => d.id)];

interface Filters {
  detector: string | null;
  minScore: number;
}

/** Where a stream starts: a time, and for a resumed stream the last flag id sent at that time. */
interface Start {
  at: string;
  lastId?: string;
}

function startOf(lastEventId: string | undefined, since: string | undefined): Start {
  if (lastEventId !== undefined && lastEventId.trim() !== '') {
    let key: unknown;
    try {
      key = JSON.parse(Buffer.from(lastEventId.trim(), 'base64url').toString('utf8'));
    } catch {
      key = undefined;
    }
    if (!Array.isArray(key) || key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'string') {
      throw new HttpProblem(
        400,
        'Last-Event-ID is not an event id this feed gave out; reconnect without it, or with ?since=<ISO time>',
      );
    }
    return { at: key[0], lastId: key[1] };
  }
  return { at: new Date(since ?? Date.now()).toISOString() };
}

class FeedStream {
  private stopped = false;
  private poller?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  /** Time of the latest flag sent (or the start), and the ids sent with that very time. */
  private at: string;
  private seen = new Set<string>();

  constructor(
    private readonly deps: ApiDeps,
    private readonly req: Request,
    private readonly res: Response,
    private scope: Scope,
    private readonly filters: Filters,
    private readonly start: Start,
  ) {
    this.at = start.at;
  }

  open(): void {
    this.res.on('close', () => this.stop());
    this.heartbeat = setInterval(() => {
      if (!this.stopped) this.res.write(': heartbeat\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    void this.tick(true);
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.poller);
    clearInterval(this.heartbeat);
  }

  private async tick(first = false): Promise<void> {
    if (this.stopped) return;
    try {
      if (first && this.start.lastId !== undefined) await this.markSentBefore(this.start.lastId);
      if (await this.keyStillValid()) await this.poll();
    } catch (error) {
      if (!this.stopped) this.deps.log.warn({ err: error }, 'feed poll failed; trying again');
    }
    if (this.stopped) return;
    this.poller = setTimeout(() => void this.tick(), this.deps.config.api.feedPollMs);
    this.poller.unref();
  }

  private params(): Row {
    return {
      ...this.scope,
      detector: this.filters.detector,
      minScore: this.filters.minScore,
      severity: null,
      status: null,
      region: null,
      sector: null,
    };
  }

  /** Re-reads the key: its jurisdiction may have changed; a revoked key's stream ends. */
  private async keyStillValid(): Promise<boolean> {
    const match = /^Bearer\s+(\S+)$/i.exec(this.req.get('authorization') ?? '');
    const key = match ? await this.deps.findKey(match[1]) : undefined;
    if (this.stopped) return false;
    if (!key) {
      this.res.write(
        `event: revoked\ndata: ${JSON.stringify({ detail: 'the API key was revoked; ask for a new one' })}\n\n`,
      );
      this.stop();
      this.res.end();
      return false;
    }
    this.scope = scopeOf(key);
    return true;
  }

  /** Flags changed at or after the start time, after the cursor `after`, page by page in feed order. */
  private async *changedSince(after: unknown[] | null): AsyncGenerator<Record<string, unknown>> {
    for (;;) {
      const rows = await this.deps.graph.read('api/flags-by-change', {
        ...this.params(),
        since: this.at,
        after,
        limit: int(PAGE),
      });
      for (const row of rows) yield row.flag as Record<string, unknown>;
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1].flag as Record<string, unknown>;
      after = [last.changed_at, last.id];
    }
  }

  /** A resumed stream: the flags of the start time up to the last id were sent before the reconnect. */
  private async markSentBefore(lastId: string): Promise<void> {
    for await (const flag of this.changedSince(null)) {
      if (String(flag.changed_at) !== this.at || String(flag.id) > lastId) return;
      this.seen.add(String(flag.id));
    }
  }

  private async poll(): Promise<void> {
    const [counts] = await this.deps.graph.read('api/feed-counts', { ...this.params(), at: this.at });
    const atNow = Number(counts?.at ?? 0);
    const later = Number(counts?.later ?? 0);
    if (later === 0 && atNow === this.seen.size) return;
    for await (const flag of this.changedSince(atNow === this.seen.size ? [this.at, PAST_ALL_IDS] : null)) {
      if (this.stopped) return;
      await this.send(flag);
    }
  }

  private async send(flag: Record<string, unknown>): Promise<void> {
    const changed = String(flag.changed_at);
    const id = String(flag.id);
    if (changed < this.at || (changed === this.at && this.seen.has(id))) return;
    if (changed > this.at) {
      this.at = changed;
      this.seen = new Set();
    }
    this.seen.add(id);
    const event = `id: ${encodeCursor([changed, id])}\nevent: flag\ndata: ${JSON.stringify(flagView(flag))}\n\n`;
    if (!this.res.write(event)) {
      await new Promise<void>((resolve) => {
        this.res.once('drain', resolve);
        this.res.once('close', resolve);
      });
    }
  }
}

export const feedRoutes = [
  route({
    method: 'get',
    path: '/feed',
    tag: 'feed',
    summary:
      'Server-sent events of new and changed flags in your jurisdiction (event `flag`); resumable with ' +
      'Last-Event-ID or ?since=, else from now',
    roles: ['admin', 'auditor', 'supervisor', 'investigator', 'feed'],
    query: {
      since: z.iso
        .datetime({ offset: true })
        .optional()
        .describe('replay flags changed at or after this time first (Last-Event-ID, when sent, wins)'),
      detector: z.enum(DETECTOR_IDS).optional().describe('only flags of this detector'),
      min_score: z.coerce.number().min(0).max(1).default(0).describe('only flags scoring at least this'),
    },
    stream: true,
    async handle({ query, caller, deps, req, res }) {
      const start = startOf(req.get('last-event-id'), query.since);
      res.status(200).set({
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.flushHeaders();
      req.socket.setNoDelay(true);
      res.write('retry: 5000\n\n');
      new FeedStream(
        deps,
        req,
        res,
        caller.scope,
        { detector: query.detector ?? null, minScore: query.min_score },
        start,
      ).open();
      return {};
    },
  }),
];
