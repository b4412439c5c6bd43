/**
 * Errors as RFC 9457 problem details (`application/problem+json` with type, title, status,
 * detail): every failure of the API, from a bad query parameter to a body too large, answers the
 * same way, and says what to do next.
 */
import type { ErrorRequestHandler, Response } from 'express';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  get title(): string {
    return TITLES[this.status] ?? 'Error';
  }
}

/** 404 for anything that does not exist or is outside the caller's jurisdiction: the two look the same. */
export function notFound(what: string): HttpProblem {
  return new HttpProblem(404, `${what} was not found`);
}

export function sendProblem(res: Response, problem: HttpProblem): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...problem.extra,
    });
}

/** Turns any error (ours, body-parser's, an unexpected one) into a problem response. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const e = error as { status?: number; type?: string; message?: string; name?: string };
  if (e?.type === 'entity.too.large')
    return new HttpProblem(413, 'the request body is too large; send smaller batches');
  if (e?.type === 'entity.parse.failed')
    return new HttpProblem(400, `the request body is not valid JSON: ${e.message}`);
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return new HttpProblem(e.status, String(e.message));
  if (e?.name === 'GraphUnavailableError' || e?.name === 'ServiceUnavailableError') {
    return new HttpProblem(503, 'the graph database is unavailable; retry later');
  }
  return new HttpProblem(500, 'unexpected error; the server log has the details');
}

export const problemHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  sendProblem(res, toProblem(error));
};
