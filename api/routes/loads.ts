/**
 * POST /loads: operators upload trading data over HTTP: an NDJSON body (plain or gzip), or a CSV
 * folder as multipart/form-data (one `<type>.csv` per record type). The body is streamed to
 * `<dataDir>/uploads/<upload-id>/` (never held in memory, capped by COLLUSION_UPLOAD_LIMIT_MB),
 * a `load` job is queued, and the answer is 202 with the job's status URL (GET /jobs/:id).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { uploadDir } from '../../ingest/jobs/load-queue';
import { RECORD_TYPES } from '../../ingest/records/schemas';
import { HttpProblem } from '../problem';
import { route } from '../route';

const NDJSON = 'application/x-ndjson';
const MULTIPART = 'multipart/form-data';
const NDJSON_FILE = 'upload.ndjson';
const CSV_FOLDER = 'csv';

const booleanParam = z.enum(['true', 'false']);

/** A new upload id: time-ordered and unguessable enough not to collide. */
function newUploadId(): string {
  return `up-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

function tooLarge(limit: number, res: Response): HttpProblem {
  res.set('Connection', 'close');
  return new HttpProblem(
    413,
    `the upload is larger than ${limit / 1024 / 1024} MiB (COLLUSION_UPLOAD_LIMIT_MB); split the data into ` +
      'several uploads, or ask the operator to raise the limit',
  );
}

function brokenOff(res: Response): HttpProblem {
  res.set('Connection', 'close');
  return new HttpProblem(400, 'the upload broke off before its end; send it again');
}

/** Streams the request body to `file`, failing with 413 past `limit` bytes; resolves with the size. */
function saveBody(req: Request, res: Response, file: string, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file, { flags: 'wx' });
    let bytes = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(out);
      req.removeListener('data', count);
      // Read and drop the rest until the answer has gone out and the connection closes.
      req.resume();
      out.destroy();
      reject(error);
    };
    const count = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) fail(tooLarge(limit, res));
    };
    req.on('data', count);
    req.on('error', () => fail(brokenOff(res)));
    req.on('close', () => {
      if (!req.complete) fail(brokenOff(res));
    });
    out.on('error', fail);
    out.on('finish', () => {
      if (settled) return;
      settled = true;
      resolve(bytes);
    });
    req.pipe(out);
  });
}

/**
 * Reads a multipart body, saving each `<type>.csv` file part as `dir/<type>.csv` (other fields are
 * ignored). Rejects with 400 naming a file called after no record type, or sent twice.
 */
function saveCsvParts(req: Request, res: Response, dir: string, limit: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: limit, files: 64, fields: 32, parts: 128 } });
    } catch (error) {
      reject(new HttpProblem(400, `the multipart body cannot be read (${(error as Error).message}); send it again`));
      return;
    }
    const types = new Set<string>();
    const writes: Promise<void>[] = [];
    const outs: fs.WriteStream[] = [];
    let total = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      for (const out of outs) out.destroy();
      reject(error);
    };
    parser.on('file', (_field, stream, info) => {
      const name = (info.filename ?? '').split(/[\\/]/).pop() ?? '';
      const type = /^(.+)\.csv$/i.exec(name)?.[1]?.toLowerCase();
      if (failed || name === '') {
        stream.resume();
        return;
      }
      if (type === undefined || !(RECORD_TYPES as string[]).includes(type)) {
        stream.resume();
        fail(
          new HttpProblem(
            400,
            `file "${name}" is named after no record type; name each CSV file after the records it holds: ` +
              `${RECORD_TYPES.map((t) => `${t}.csv`).join(', ')}`,
            { file: name },
          ),
        );
        return;
      }
      if (types.has(type)) {
        stream.resume();
        fail(new HttpProblem(400, `file "${name}" comes twice; send one ${type}.csv`, { file: name }));
        return;
      }
      types.add(type);
      const out = fs.createWriteStream(path.join(dir, `${type}.csv`), { flags: 'wx' });
      outs.push(out);
      const written = new Promise<void>((done, broke) => {
        out.on('finish', done);
        out.on('error', broke);
      });
      written.catch(() => undefined);
      writes.push(written);
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) fail(tooLarge(limit, res));
      });
      stream.on('limit', () => fail(tooLarge(limit, res)));
      stream.pipe(out);
    });
    parser.on('error', (error: Error) =>
      fail(new HttpProblem(400, `the multipart body is malformed (${error.message}); send it again`)),
    );
    parser.on('close', () => {
      if (failed) return;
      Promise.all(writes).then(() => resolve([...types]), fail);
    });
    req.on('error', () => fail(brokenOff(res)));
    req.pipe(parser);
  });
}

export const loadRoutes = [
  route({
    method: 'post',
    path: '/loads',
    tag: 'loads',
    summary:
      'Upload trading data (NDJSON body, or a CSV folder as multipart/form-data of <type>.csv files); ' +
      'answers 202 with the load job, which queues a rescoring when it is done',
    roles: ['admin', 'operator'],
    query: {
      skip_invalid: booleanParam
        .optional()
        .describe('load the good records of a file with errors (default false: a file with errors loads nothing)'),
      rescore: booleanParam.optional().describe('queue a rescoring after the load (default true)'),
      source: z.string().min(1).max(100).optional().describe('name of the trading system the data came from'),
    },
    rawBody: [NDJSON, MULTIPART],
    successStatus: 202,
    response: z.object({ job: z.string(), upload: z.string(), status_url: z.string() }),
    async handle({ query, caller, deps, req, res }) {
      const limit = deps.config.api.uploadLimitMb * 1024 * 1024;
      const multipart = Boolean(req.is(MULTIPART));
      if (!multipart && !req.is(NDJSON)) {
        throw new HttpProblem(
          415,
          `send NDJSON with Content-Type: ${NDJSON}, or a CSV folder as ${MULTIPART} of <type>.csv files`,
        );
      }
      const declared = Number(req.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > limit) {
        req.resume();
        throw tooLarge(limit, res);
      }

      const upload = newUploadId();
      const dir = uploadDir(deps.config.dataDir, upload);
      let files: string[];
      try {
        if (multipart) {
          fs.mkdirSync(path.join(dir, CSV_FOLDER), { recursive: true });
          const types = await saveCsvParts(req, res, path.join(dir, CSV_FOLDER), limit);
          if (types.length === 0) {
            throw new HttpProblem(400, 'the upload holds no file; attach the <type>.csv files of the folder');
          }
          files = [CSV_FOLDER];
        } else {
          fs.mkdirSync(dir, { recursive: true });
          const bytes = await saveBody(req, res, path.join(dir, NDJSON_FILE), limit);
          if (bytes === 0) throw new HttpProblem(400, 'the body is empty; send one JSON record per line');
          files = [NDJSON_FILE];
        }
      } catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }

      let job;
      try {
        job = await deps.queues.load.add({
          upload,
          files,
          skipInvalid: query.skip_invalid === 'true',
          rescore: query.rescore !== 'false',
          ...(query.source ? { source: query.source } : {}),
          by: caller.key.name,
        });
      } catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        deps.log.error({ err: error }, 'could not queue a load job');
        throw new HttpProblem(503, 'the job queue (Redis) is unavailable; send the upload again later');
      }
      const id = `load:${String(job.id)}`;
      const statusUrl = `/api/v1/jobs/${id}`;
      return {
        status: 202,
        body: { job: id, upload, status_url: statusUrl },
        headers: { Location: statusUrl },
        count: 1,
      };
    },
  }),
];
