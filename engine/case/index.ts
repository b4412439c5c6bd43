/**
 * The case file (案卷): one flag or one community as a self-contained, verifiable dossier for the
 * discipline-inspection or audit office. collect → (redact) → render HTML → (print PDF), and the
 * SHA-256 of the bytes, which the caller writes to the audit log (the API in its route entry, the
 * CLI with its own entry), so that `collusion case verify` can later tell an unchanged copy.
 */
import type { Browser } from 'playwright-core';
import type { Graph } from '../../cypher/runner';
import { collectCase, CaseRequest } from './collect';
import type { CaseModel } from './model';
import { printPdf } from './pdf';
import { guardHtml, redactCase } from './redact';
import { renderHtml } from './render-html';
import { CaseAuditFacts, CaseFormat, sha256Hex } from './verify';

export { CaseNotFoundError, CasePdfError } from './errors';
export { CASE_FORMATS, type CaseFormat } from './verify';

export interface CaseFile {
  data: Buffer;
  contentType: string;
  /** A file name to save it under, e.g. case-F-1a2b….html. */
  filename: string;
  sha256: string;
  /** What the audit entry records about it. */
  audit: CaseAuditFacts;
  model: CaseModel;
  /** Milliseconds: reading the graph, rendering, printing. */
  timings: { collect: number; render: number; pdf: number };
}

/** The HTML of a model, redacted (with the rendered text checked once more) when asked. */
export function caseHtml(model: CaseModel, redact: boolean): { html: string; model: CaseModel } {
  if (!redact) return { html: renderHtml(model), model };
  const { model: masked, pseudonyms } = redactCase(model);
  return { html: guardHtml(renderHtml(masked), pseudonyms), model: masked };
}

/**
 * Produces one case file.
 * @example
 * const file = await produceCase(graph, { kind: 'flag', id, scope, by: 'alice', settings, format: 'pdf', redact: false });
 * fs.writeFileSync(file.filename, file.data); // then log file.audit
 */
export async function produceCase(
  graph: Graph,
  request: CaseRequest & { format: CaseFormat; redact: boolean; browser?: Browser },
): Promise<CaseFile> {
  let mark = performance.now();
  const collected = await collectCase(graph, request);
  const collect = performance.now() - mark;
  mark = performance.now();
  const { html, model } = caseHtml(collected, request.redact);
  const render = performance.now() - mark;
  mark = performance.now();
  const footer = `案卷 Case file ${request.id}${request.redact ? ' · 脱敏 redacted' : ''}`;
  const data =
    request.format === 'pdf' ? await printPdf(html, { footer, browser: request.browser }) : Buffer.from(html, 'utf8');
  const pdf = request.format === 'pdf' ? performance.now() - mark : 0;
  const sha256 = sha256Hex(data);
  const suffix = request.redact ? '-redacted' : '';
  return {
    data,
    contentType: request.format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
    filename: `case-${request.id}${suffix}.${request.format}`,
    sha256,
    audit: {
      case: request.kind,
      id: request.id,
      format: request.format,
      redact: request.redact,
      sha256,
      bytes: data.length,
    },
    model,
    timings: { collect: Math.round(collect), render: Math.round(render), pdf: Math.round(pdf) },
  };
}
