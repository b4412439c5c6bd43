/**
 * The one place the viewer talks to the API: `Authorization: Bearer <key>` on every call,
 * problem+json errors turned into ApiError with the server's own detail.
 */
import type {
  EntityAnswer,
  Flag,
  FlagFilters,
  GraphAnswer,
  LotAnswer,
  Page,
  PathAnswer,
  ProjectAnswer,
  SearchItem,
  TriageStatus,
} from './types';
import type { Overview, Prices, Process, ProjectItem, StatsFilters } from './stats/types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined | null>;

export class ApiClient {
  constructor(
    private readonly key: string,
    private readonly base = '/api/v1',
  ) {}

  private async call<T>(method: string, path: string, query: Query = {}, body?: unknown): Promise<T> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
    }
    const search = params.toString();
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}${search ? `?${search}` : ''}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const detail = (parsed as { detail?: string; title?: string } | undefined) ?? {};
      throw new ApiError(response.status, detail.detail ?? detail.title ?? `HTTP ${response.status}`);
    }
    return parsed as T;
  }

  /**
   * A case file (案卷) of a flag or community as a blob, with the file name the server suggests;
   * fetched with the session's key, since a plain link could not carry it.
   */
  async caseFile(
    kind: 'flags' | 'communities',
    id: string,
    options: { format?: 'html' | 'pdf'; redact?: boolean } = {},
  ): Promise<{ blob: Blob; name: string }> {
    const format = options.format ?? 'html';
    const query = new URLSearchParams({ format, redact: options.redact ? 'true' : 'false' });
    const response = await fetch(`${this.base}/${kind}/${encodeURIComponent(id)}/case?${query}`, {
      headers: { authorization: `Bearer ${this.key}` },
    });
    if (!response.ok) {
      const text = await response.text();
      let detail: { detail?: string; title?: string } = {};
      try {
        detail = text ? (JSON.parse(text) as typeof detail) : {};
      } catch {
        // not problem+json
      }
      throw new ApiError(response.status, detail.detail ?? detail.title ?? `HTTP ${response.status}`);
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const name =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? `case-${id}${options.redact ? '-redacted' : ''}.${format}`;
    return { blob: await response.blob(), name };
  }

  flags(filters: FlagFilters, cursor?: string | null, limit = 50): Promise<Page<Flag>> {
    return this.call('GET', '/flags', { ...filters, cursor, limit });
  }

  flag(id: string): Promise<Flag> {
    return this.call('GET', `/flags/${encodeURIComponent(id)}`);
  }

  triage(id: string, status: TriageStatus, note?: string): Promise<Flag> {
    return this.call('PATCH', `/flags/${encodeURIComponent(id)}`, {}, note ? { status, note } : { status });
  }

  lot(id: string): Promise<LotAnswer> {
    return this.call('GET', `/lots/${encodeURIComponent(id)}`);
  }

  project(id: string): Promise<ProjectAnswer> {
    return this.call('GET', `/projects/${encodeURIComponent(id)}`);
  }

  entity(id: string): Promise<EntityAnswer> {
    return this.call('GET', `/entities/${encodeURIComponent(id)}`);
  }

  entityGraph(id: string, query: Query = {}): Promise<GraphAnswer> {
    return this.call('GET', `/entities/${encodeURIComponent(id)}/graph`, query);
  }

  paths(from: string, to: string): Promise<PathAnswer> {
    return this.call('GET', '/paths', { from, to });
  }

  search(q: string): Promise<{ items: SearchItem[] }> {
    return this.call('GET', '/search', { q });
  }

  statsOverview(filters: StatsFilters): Promise<Overview> {
    return this.call('GET', '/stats/overview', { ...filters });
  }

  statsPrices(filters: StatsFilters, limit = 50): Promise<Prices> {
    return this.call('GET', '/stats/prices', { ...filters, limit });
  }

  projects(filters: StatsFilters, cursor?: string | null, limit = 100): Promise<Page<ProjectItem>> {
    return this.call('GET', '/projects', { ...filters, cursor, limit });
  }

  statsProcess(filters: StatsFilters): Promise<Process> {
    return this.call('GET', '/stats/process', { ...filters });
  }
}
