/**
 * The case-file routes' common part (GET /flags/:id/case, GET /communities/:id/case): the query,
 * the content types for the OpenAPI document, and the reply that sends the HTML or PDF with its
 * SHA-256 in a header and in the request's audit entry (written before the response leaves), so
 * that `collusion case verify` recognises the file later. Scoped like the JSON routes: an id
 * outside the key's jurisdiction is 404 exactly as an unknown one.
 */
import { z } from 'zod';
import { CASE_FORMATS, CaseNotFoundError, CasePdfError, produceCase } from '../../engine/case';
import { loadSettings } from '../../engine/settings';
import type { ApiDeps } from '../deps';
import { HttpProblem, notFound } from '../problem';
import type { Caller, Reply } from '../route';

export const caseQuery = {
  format: z
    .enum(CASE_FORMATS)
    .default('html')
    .describe('html (one self-contained file) or pdf (A4, printed by Chromium)'),
  redact: z
    .enum(['true', 'false'])
    .default('false')
    .describe('mask people’s names, phones, ID hashes and addresses with pseudonyms, for sharing outside'),
};

export const CASE_CONTENT = { 'text/html': 'text', 'application/pdf': 'binary' } as const;

export async function caseReply(
  deps: ApiDeps,
  caller: Caller,
  kind: 'flag' | 'community',
  id: string,
  query: { format: (typeof CASE_FORMATS)[number]; redact: 'true' | 'false' },
): Promise<Reply> {
  try {
    const file = await produceCase(deps.graph, {
      kind,
      id,
      scope: caller.scope,
      by: caller.key.name,
      settings: loadSettings(deps.config.settingsFile),
      format: query.format,
      redact: query.redact === 'true',
    });
    return {
      raw: { type: file.contentType, data: file.data },
      headers: {
        'content-disposition': `attachment; filename="${file.filename}"`,
        'x-content-sha256': file.sha256,
        'cache-control': 'no-store',
      },
      audit: { ...file.audit },
      count: 1,
    };
  } catch (error) {
    if (error instanceof CaseNotFoundError) throw notFound(`${kind} ${id}`);
    if (error instanceof CasePdfError) {
      deps.log.warn({ err: error }, 'case file: PDF not printed');
      throw new HttpProblem(503, `${error.message}; format=html still works`);
    }
    throw error;
  }
}
