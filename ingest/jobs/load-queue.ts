/**
 * The bull queue of `load` jobs: an upload received by `POST /api/v1/loads` is saved under
 * `<dataDir>/uploads/<upload-id>/` and a job naming it is queued here; a worker (in-process in
 * `collusion serve`, or `collusion worker`) loads it with the same ingest as `collusion load`.
 * Workers on other machines need the same data directory (shared storage) to find the upload.
 */
import path from 'node:path';
import Queue from 'bull';
import type { LoadReport } from '../report';

export const LOAD_QUEUE = 'load';

export interface LoadJob {
  /** Upload id: the folder `<dataDir>/uploads/<upload>/`. */
  upload: string;
  /** What to load, relative to the upload folder: an NDJSON file or a folder of `<type>.csv` files. */
  files: string[];
  /** Load the good records of a source with errors (as `collusion load --skip-invalid`). */
  skipInvalid: boolean;
  /** Name of the trading system the data came from (provenance on the LoadBatch). */
  source?: string;
  /** Queue a rescoring after the load (as `collusion load`, unless `--no-rescore`). */
  rescore: boolean;
  /** Name of the API key that uploaded. */
  by: string;
  /** Set when the job failed on bad input: the errors of the load report. */
  rejected?: LoadReport;
}

/** What a completed load job returns: the load report and the rescoring job it queued. */
export interface LoadJobResult {
  report: LoadReport;
  /** Namespaced id of the rescoring job (`rescore:7`), or null when none was queued. */
  rescore_job: string | null;
}

/** The folder of one upload. */
export function uploadDir(dataDir: string, upload: string): string {
  return path.join(dataDir, 'uploads', upload);
}

/**
 * The load queue. A load is all-or-nothing per source and idempotent (records are skipped by
 * content hash), so a retry after a crash mid-way completes the load without duplicating anything.
 * @example const queue = loadQueue(redisUrl); await queue.add({ upload, files: ['upload.ndjson'], … });
 */
export function loadQueue(redisUrl: string): Queue.Queue<LoadJob> {
  return new Queue<LoadJob>(LOAD_QUEUE, redisUrl, {
    // A big load validates for minutes between awaits of Neo4j: give the lock room.
    settings: { lockDuration: 120_000, lockRenewTime: 30_000 },
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: 500,
      removeOnFail: 500,
    },
  });
}
