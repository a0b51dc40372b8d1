import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/**
 * Uploaded files waiting for their import job, on disk. They are streamed here as they arrive (the
 * request body is never held in memory whole) and read by the job's worker thread; the database
 * holds only the job. Keeping 50 MB files out of the embedded database matters: PGlite's memory grows
 * to hold the largest value it was given and never shrinks, so ten such uploads took the server
 * past 4 GB. Files are readable only by the server's user and removed when their job ends for good.
 */
export class UploadSpool {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  jobPath(jobId: string): string {
    return path.join(this.dir, `${jobId}.upload`);
  }

  /**
   * Streams a request body into a new file, refusing it past `limit` bytes (the file is removed). A
   * body that declares a larger length is refused before a byte is read; one that grows past the
   * limit while streaming is read to its end but not written (destroying the request stream
   * mid-way left the reply hanging on Node 24).
   */
  async receive(body: Readable, limit: number, declaredLength?: number): Promise<{ path: string; size: number }> {
    if (declaredLength !== undefined && declaredLength > limit) {
      body.resume(); // let the rest go by; the reply says why
      throw new BodyTooLarge(limit);
    }
    const file = path.join(this.dir, `incoming-${crypto.randomUUID()}`);
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(null, size > limit ? undefined : chunk);
      },
    });
    try {
      await pipeline(body, count, fs.createWriteStream(file, { mode: 0o600 }));
    } catch (e) {
      fs.rmSync(file, { force: true });
      throw e;
    }
    if (size > limit) {
      fs.rmSync(file, { force: true });
      throw new BodyTooLarge(limit);
    }
    return { path: file, size };
  }

  /** A copy of a local file (the CLI), as an incoming file. */
  copyIn(source: string): { path: string; size: number } {
    const file = path.join(this.dir, `incoming-${crypto.randomUUID()}`);
    fs.copyFileSync(source, file);
    fs.chmodSync(file, 0o600);
    return { path: file, size: fs.statSync(file).size };
  }

  /** The incoming file becomes its job's. */
  adopt(incoming: string, jobId: string): void {
    fs.renameSync(incoming, this.jobPath(jobId));
  }

  discard(incoming: string): void {
    fs.rmSync(incoming, { force: true });
  }

  remove(jobId: string): void {
    fs.rmSync(this.jobPath(jobId), { force: true });
  }

  exists(jobId: string): boolean {
    return fs.existsSync(this.jobPath(jobId));
  }

  /**
   * Removes files that no job needs any more (its job ended while no runner was there to remove it,
   * or a crash left an upload half-received). Only files an hour old or more: another process
   * sharing the folder may have just received one whose job it has not committed yet.
   */
  sweep(needed: ReadonlySet<string>, now = Date.now()): void {
    for (const name of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      const jobId = name.endsWith('.upload') ? name.slice(0, -'.upload'.length) : null;
      if (jobId !== null && needed.has(jobId)) continue;
      if (jobId === null && !name.startsWith('incoming-')) continue;
      if (now - fs.statSync(file).mtimeMs > 3600_000) fs.rmSync(file, { force: true });
    }
  }

  /** The whole folder, for a throw-away database's spool (tests). */
  removeAll(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/** Where uploads wait: the setting, or beside the data (TRE_DATA_DIR/imports), or a throw-away folder for a test database. */
export function spoolDirFor(config: { dataDir: string }, env = process.env): string {
  if (env.TRE_IMPORT_SPOOL_DIR) return path.resolve(env.TRE_IMPORT_SPOOL_DIR);
  if (config.dataDir !== 'memory://') return path.join(config.dataDir, 'imports');
  return path.join(os.tmpdir(), `tre-imports-${process.pid}-${crypto.randomUUID().slice(0, 8)}`);
}
