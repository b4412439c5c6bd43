/**
 * Test helpers for the API over real HTTP: the server as `collusion serve` starts it (on a free
 * port, against the Neo4j and Redis of the test run), keys of any role and jurisdiction, and a
 * small fetch wrapper.
 */
import { startServer, RunningServer } from '../api/server';
import { createKey, Role } from '../api/keys/store';
import { loadConfig } from '../lib/config';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests probe JSON answers field by field */

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class TestApi {
  private constructor(readonly server: RunningServer) {}

  static async start(options: { worker?: boolean } = {}): Promise<TestApi> {
    return new TestApi(await startServer(loadConfig(), { port: 0, worker: options.worker ?? false }));
  }

  get url(): string {
    return this.server.url;
  }

  async key(role: Role, scope: { regions?: string[]; sectors?: string[] } = {}): Promise<string> {
    const name = `${role}-${Math.random().toString(36).slice(2, 10)}`;
    return (await createKey(this.server.deps.graph, { name, role, ...scope })).key;
  }

  async call<T = any>(
    method: string,
    path: string,
    options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (metrics): keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string, key?: string): Promise<Answer<T>> {
    return this.call<T>('GET', path, { key });
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}
