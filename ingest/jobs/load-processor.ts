/**
 * Runs one `load` job: the upload it names goes through the very ingest of `collusion load`
 * (loadSource of ingest/load.ts: validate everything, then write in batches, skipping records
 * whose content hash is unchanged), with the job's progress reported as it reads. A load that
 * wrote queues the rescoring through the hook the worker gives (ingest does not import engine).
 * Bad input fails the job at once, without retries, with the report's errors (file, line, field)
 * kept on the job; anything else (Neo4j gone, a crash) is retried, which is safe because a load
 * is idempotent: a retry rewrites nothing that the interrupted attempt already wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Graph } from '../../cypher/runner';
import type { Config } from '../../lib/config';
import { loadSource } from '../load';
import { IdHasher } from '../normalise/id-number';
import { InputSource, openSource } from '../readers';
import type { InputError, LoadReport, SourceReport } from '../report';
import { LoadJob, LoadJobResult, uploadDir } from './load-queue';

/** The part of a bull job the load needs (tests pass a plain object). */
export interface LoadJobHandle {
  data: LoadJob;
  progress(value: number): Promise<unknown>;
  update?(data: LoadJob): Promise<unknown>;
  log?(line: string): Promise<unknown>;
  /** Tells bull not to retry this job (bad input fails the same way every time). */
  discard?(): void;
}

export interface LoadContext {
  graph: Graph;
  config: Config;
  /** Queues a rescoring after a load; returns the namespaced job id (`rescore:7`). */
  queueRescore?(reason: string): Promise<string>;
}

/** The upload holds records that do not pass validation; nothing of the rejected source was written. */
export class LoadRejectedError extends Error {
  constructor(
    message: string,
    readonly report: LoadReport,
  ) {
    super(message);
    this.name = 'LoadRejectedError';
  }
}

const MAX_ERRORS_IN_MESSAGE = 20;

/**
 * Loads the upload of a job and returns the (path-free) load report and the rescoring job id.
 * @example await runLoadJob(job, { graph, config, queueRescore: (reason) => … });
 */
export async function runLoadJob(job: LoadJobHandle, context: LoadContext): Promise<LoadJobResult> {
  const { graph, config } = context;
  const dir = uploadDir(config.dataDir, job.data.upload);
  if (!fs.existsSync(dir)) {
    job.discard?.();
    throw new Error(
      `load: upload ${job.data.upload} is not in ${path.dirname(dir)}; upload the data again ` +
        '(workers on other machines need the same COLLUSION_DATA_DIR as the API)',
    );
  }
  const sources = job.data.files.map((file) => openSource(path.join(dir, file)));
  const progress = progressOf(job, sources);
  await graph.applySchema();
  const hasher = IdHasher.forDataDir(config.dataDir, config.idHashKey);
  const reports: SourceReport[] = [];
  for (const source of sources) {
    await job.log?.(`loading ${path.relative(dir, source.path)} (${source.bytes} bytes)`);
    reports.push(
      await loadSource(graph, progress.track(source), hasher, {
        skipInvalid: job.data.skipInvalid,
        sourceSystem: job.data.source,
        reportDir: path.join(config.dataDir, 'loads'),
      }),
    );
  }
  const report = publicReport({ ok: reports.every((r) => r.status === 'loaded'), sources: reports }, dir, config);
  await progress.finish();
  if (report.sources.some((s) => s.status === 'rejected')) {
    await job.update?.({ ...job.data, rejected: report });
    job.discard?.();
    throw new LoadRejectedError(rejectionMessage(report), report);
  }
  const loaded = report.sources.filter((s) => s.loadId !== undefined);
  let rescoreJob: string | null = null;
  if (job.data.rescore && loaded.length > 0 && context.queueRescore) {
    rescoreJob = await context.queueRescore(`load ${loaded.map((s) => s.loadId).join(', ')}`);
    await job.log?.(`rescoring job ${rescoreJob} queued`);
  }
  return { report, rescore_job: rescoreJob };
}

/** Every input error as `file:line: field: reason`, capped, with what to do next. */
function rejectionMessage(report: LoadReport): string {
  const errors: InputError[] = report.sources.flatMap((s) => s.errors);
  const total = errors.length + report.sources.reduce((sum, s) => sum + s.moreErrors, 0);
  const unshown = total - Math.min(errors.length, MAX_ERRORS_IN_MESSAGE);
  const lines = errors
    .slice(0, MAX_ERRORS_IN_MESSAGE)
    .map(
      (e) =>
        `${e.file}:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.field ? `${e.field}: ` : ''}${e.reason}${e.id ? ` (id ${e.id})` : ''}`,
    );
  return [
    `load rejected: ${total} input error(s), nothing of the upload was written`,
    ...lines,
    ...(unshown > 0 ? [`… and ${unshown} more (the job's error.errors lists up to 1000)`] : []),
    'fix these lines and upload again, or upload with ?skip_invalid=true to load the good records',
  ].join('\n');
}

/**
 * The report without the server's paths: sources relative to the upload, files of errors by name
 * (`upload.ndjson`, `bid.csv`), report and rejects files relative to the data directory.
 */
function publicReport(report: LoadReport, dir: string, config: Config): LoadReport {
  const inData = (file: string | undefined) => (file === undefined ? undefined : path.relative(config.dataDir, file));
  return {
    ok: report.ok,
    sources: report.sources.map((s) => ({
      ...s,
      path: path.relative(dir, s.path),
      errors: s.errors.map((e) => ({ ...e, file: path.basename(e.file) })),
      ...(s.reportFile ? { reportFile: inData(s.reportFile) } : {}),
      ...(s.rejectsFile ? { rejectsFile: inData(s.rejectsFile) } : {}),
    })),
  };
}

/**
 * Progress as the share of bytes read over both passes of every source (validate, then write),
 * reported at most twice a second; 100 when the load is done.
 */
function progressOf(job: LoadJobHandle, sources: InputSource[]) {
  const total = Math.max(1, 2 * sources.reduce((sum, s) => sum + s.bytes, 0));
  let done = 0;
  let reported = -1;
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const report = (value: number) => {
    reported = value;
    last = Date.now();
    pending = pending.then(() => job.progress(value)).catch(() => undefined);
  };
  return {
    track(source: InputSource): InputSource {
      return {
        ...source,
        async *items() {
          for await (const item of source.items()) {
            done += Buffer.byteLength(item.raw) + 1;
            const value = Math.min(99, Math.floor((done / total) * 100));
            if (value !== reported && Date.now() - last >= 500) report(value);
            yield item;
          }
        },
      };
    },
    async finish() {
      report(100);
      await pending;
    },
  };
}
