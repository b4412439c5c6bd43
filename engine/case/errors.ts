/**
 * Errors of the case file, typed so that the CLI can choose its exit code and the API its status:
 * an unknown id (or one outside the caller's jurisdiction: the two look the same) and a PDF that
 * cannot be printed because Chromium is missing.
 */

/** No such flag or community, or it lies outside the caller's jurisdiction. */
export class CaseNotFoundError extends Error {
  readonly exitCode = 1;
  constructor(
    readonly kind: 'flag' | 'community',
    readonly id: string,
  ) {
    super(
      kind === 'flag'
        ? `case: no flag ${id}; list flag ids with \`collusion flags\` (flag ids start with F-)`
        : `case: no community ${id}; list communities with GET /api/v1/communities (community ids start with C-)`,
    );
    this.name = 'CaseNotFoundError';
  }
}

/** The PDF could not be printed (no Chromium, or the browser failed). */
export class CasePdfError extends Error {
  readonly exitCode = 3;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CasePdfError';
  }
}
