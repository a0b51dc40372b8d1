import crypto from 'node:crypto';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Bilingual } from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit, type AuditActor } from '../audit/audit.ts';
import { STATISTICS_FIRST_AT, STATISTICS_LAST_AT, analyzeTables, vacuumTables } from '../db/statistics.ts';
import type { ImportSettings } from './limits.ts';
import type { UploadSpool } from './spool.ts';
import * as repo from './repository.ts';
import type { ImportJobRow } from './repository.ts';
import { ImportFileError, type BatchOutcome, type BatchRow, type FileRow, type ImportLimits, type Rejection } from './types.ts';
import type { Ack, WorkerInput, WorkerMessage } from './worker.ts';

/**
 * Runs import jobs, one at a time per server process, in the order they were queued. The file is
 * read in a worker thread with a bounded heap (worker.ts), so a file that needs too much memory
 * fails its job, never the server. Each batch of rows is stored in one short transaction together
 * with its rejected rows, the job's counters and its checkpoint; between batches the database is
 * free for everybody else's requests (PGlite runs one transaction at a time), and the batch size
 * adapts so that a transaction lasts about TARGET_BATCH_MS.
 *
 * A job is never run twice: it is claimed with SKIP LOCKED, every batch re-checks that this runner
 * still holds it, and a restart resumes after the last committed batch.
 */

/** What a module that imports files provides; see types.ts. */
export interface ImportKind<R extends FileRow, C> {
  name: string;
  /** how a rejected row's fields are headed in the CSV of rejected rows */
  fieldLabels: Record<string, string>;
  /** the module whose `reader` export the worker loads */
  readerHref: string;
  /** per job, before the first batch (e.g. the catalogue and the uploader's scope); ImportFileError fails the job */
  prepare(db: Kysely<Database>, job: ImportJobRow): Promise<C>;
  /** the tables a big import fills: their planner statistics are refreshed as the job grows (db/statistics.ts) */
  tables: readonly (keyof Database)[];
  /** checks the rows and stores the good ones inside trx; the runner stores the rest of the outcome */
  storeBatch(trx: Transaction<Database>, context: C, rows: BatchRow<R>[]): Promise<BatchOutcome>;
  /** bounds of this kind that differ from the installation's (a register is larger than a figures file) */
  limits?: Partial<ImportLimits>;
  /** what the reader needs besides the file (a column mapping, the import date), sent to the worker */
  readerOptions?(context: C): unknown;
  /**
   * Runs in the transaction that marks the job done, after the last batch: a kind that stages its
   * rows publishes them here, so that the job's records appear all at once or not at all. What it
   * returns replaces the job's counters.
   */
  finish?(trx: Transaction<Database>, context: C, job: ImportJobRow): Promise<JobCounts>;
}

/** The counters of a finished job, as a kind's finish step settles them. */
export interface JobCounts {
  imported: number;
  updated: number;
  unchanged: number;
}

type AnyKind = ImportKind<FileRow, unknown>;

/** Erases a kind's row and context types for the runner's registry. */
export const importKind = <R extends FileRow, C>(kind: ImportKind<R, C>): AnyKind => kind;

export interface JobProgress {
  id: string;
  status: ImportJobRow['status'];
  rowsTotal: number | null;
  rowsDone: number;
}

const TARGET_BATCH_MS = 80;
const MIN_BATCH = 200;
const MAX_BATCH = 5000;
const FIRST_BATCH = 500;
const MAX_ATTEMPTS = 3;
const POLL_MS = 2000;
const HEARTBEAT_MS = 15_000;
/** A PostgreSQL job whose runner has not beaten for this long is taken to be dead (another process may hold it). */
const STALE_MS = 90_000;

const WORKER = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;

const memoryFailure = (mb: number): Bilingual => ({
  vi: `Tệp cần nhiều bộ nhớ hơn mức cho phép (${mb} MB) để đọc; hãy chia nhỏ tệp`,
  en: `Reading the file needs more memory than allowed (${mb} MB); split the file`,
});

export class ImportRunner {
  readonly id = `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  readonly #db: Kysely<Database>;
  readonly #settings: ImportSettings;
  readonly #singleProcess: boolean;
  readonly spool: UploadSpool;
  readonly #kinds = new Map<string, AnyKind>();
  readonly #listeners = new Set<(p: JobProgress) => void>();
  #draining: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #current: { jobId: string; worker: Worker } | undefined;

  /** `singleProcess`: PGlite, where no other process can hold a job, so every running job found at start is stale. */
  constructor(db: Kysely<Database>, settings: ImportSettings, options: { singleProcess: boolean; spool: UploadSpool }) {
    this.#db = db;
    this.#settings = settings;
    this.#singleProcess = options.singleProcess;
    this.spool = options.spool;
  }

  get settings(): ImportSettings {
    return this.#settings;
  }

  register(kind: AnyKind): void {
    this.#kinds.set(kind.name, kind);
  }

  kind(name: string): AnyKind | undefined {
    return this.#kinds.get(name);
  }

  onProgress(listener: (p: JobProgress) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Recovers jobs left running by a dead process, then polls the queue (for jobs queued by other processes). */
  async start(): Promise<void> {
    await this.#recover(this.#singleProcess);
    // files of jobs that ended while no runner was there to remove them, and half-received uploads
    this.spool.sweep(await repo.jobsKeepingFiles(this.#db));
    this.#timer = setInterval(() => {
      void this.#recover(false).then(() => this.wake());
    }, POLL_MS);
    this.#timer.unref();
    this.wake();
  }

  /** Looks at the queue now (after a job was queued); a runner not started (the CLI's) waits for runJob. */
  wake(): void {
    if (this.#stopped || !this.#timer) return;
    if (this.#draining) {
      this.#again = true;
      return;
    }
    this.#draining = this.#drain().finally(() => {
      this.#draining = null;
    });
  }

  /** Runs one queued job here and now, without polling the queue (the CLI). */
  async runJob(id: string): Promise<void> {
    const job = await repo.claimJob(this.#db, this.id, id);
    if (job) await this.#runGuarded(job);
  }

  /** Resolves when the queue is empty and nothing runs (tests). */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  /** Stops taking jobs; a running job is handed back to the queue and resumes at the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    const current = this.#current;
    if (current) {
      await current.worker.terminate();
      await repo.releaseJob(this.#db, current.jobId, this.id).catch(() => undefined);
    }
    await this.#draining?.catch(() => undefined);
  }

  async #recover(all: boolean): Promise<void> {
    if (this.#stopped) return;
    const before = all ? new Date(Date.now() + 1000) : new Date(Date.now() - STALE_MS);
    await repo.recoverStale(this.#db, before, MAX_ATTEMPTS).catch(() => undefined);
  }

  /** A poke or a stop() came while draining: read afresh after the loop's awaits, which a plain condition cannot see. */
  #drainAgain(): boolean {
    return this.#again && !this.#stopped;
  }

  async #drain(): Promise<void> {
    try {
      do {
        this.#again = false;
        for (;;) {
          if (this.#stopped) return;
          const job = await repo.claimJob(this.#db, this.id);
          if (!job) break;
          await this.#runGuarded(job);
        }
      } while (this.#drainAgain());
    } catch (e) {
      // the database went away (shutting down, a restart): the poll tries again; never an unhandled rejection
      if (!this.#stopped) console.warn(`Nhập tệp / imports: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** A job whose run fails unexpectedly (a database error) is failed and kept for a retry, never left running. */
  async #runGuarded(job: ImportJobRow): Promise<void> {
    try {
      await this.#run(job);
    } catch (e) {
      if (this.#stopped) return;
      const reason = e instanceof Error ? e.message.slice(0, 200) : 'unknown';
      console.warn(`Nhập tệp / import ${job.id}: ${reason}`);
      await this.#fail(
        job,
        { vi: `Việc nhập bị dừng do lỗi hệ thống (${reason})`, en: `The import stopped on a system error (${reason})` },
        true,
      );
    }
  }

  #emit(job: ImportJobRow, rowsDone: number, rowsTotal: number | null, status = job.status): void {
    for (const l of this.#listeners) l({ id: job.id, status, rowsTotal, rowsDone });
  }

  async #fail(job: ImportJobRow, detail: Bilingual, keepContent: boolean): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const ended = await repo.finishJob(trx, job.id, this.id, {
        status: 'failed',
        error: { ...detail, retryable: keepContent },
        keepContent,
      });
      if (ended) {
        await recordAudit(trx, auditActorOf(job), {
          action: 'import_failed',
          entity: 'import_job',
          entityId: job.id,
          after: { file: job.file_name, rows_done: ended.rows_done, error: detail.en, retryable: keepContent },
        });
      }
    });
    if (!keepContent) this.spool.remove(job.id);
    this.#emit(job, job.rows_done, job.rows_total, 'failed');
  }

  async #run(job: ImportJobRow): Promise<void> {
    const kind = this.#kinds.get(job.kind);
    if (!kind || !this.spool.exists(job.id)) {
      await this.#fail(job, { vi: 'Không còn tệp để nhập', en: 'The file to import is gone' }, false);
      return;
    }
    let context: unknown;
    try {
      context = await kind.prepare(this.#db, job);
    } catch (e) {
      if (e instanceof ImportFileError) return this.#fail(job, e.detail, false);
      throw e;
    }
    const input: WorkerInput = {
      readerHref: kind.readerHref,
      fileName: job.file_name,
      // the worker reads the file itself: the main thread never holds it
      filePath: this.spool.jobPath(job.id),
      skip: job.rows_done,
      batchSize: FIRST_BATCH,
      limits: { ...this.#settings, ...kind.limits },
      options: kind.readerOptions?.(context),
    };
    const worker = new Worker(WORKER, {
      workerData: { ...input, entry: ENTRY },
      resourceLimits: { maxOldGenerationSizeMb: this.#settings.workerHeapMb, maxYoungGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    this.#current = { jobId: job.id, worker };
    try {
      await this.#follow(job, kind, context, worker);
    } finally {
      this.#current = undefined;
      await worker.terminate();
    }
  }

  /** Handles the worker's messages until the job ends one way or another. */
  async #follow(job: ImportJobRow, kind: AnyKind, context: unknown, worker: Worker): Promise<void> {
    const inbox = messagesOf(worker, this.#settings.maxJobSeconds * 1000);
    let total = job.rows_total;
    let done = job.rows_done;
    let batchSize = FIRST_BATCH;
    let analyzeAt = STATISTICS_FIRST_AT;
    const beat = setInterval(() => void repo.heartbeat(this.#db, job.id, this.id).catch(() => undefined), HEARTBEAT_MS);
    try {
      for await (const m of inbox) {
        if (this.#stopped) return;
        switch (m.type) {
          case 'scanned':
            total = m.total;
            await repo.setTotal(this.#db, job.id, this.id, m.total);
            this.#emit(job, done, total, 'running');
            break;
          case 'batch': {
            const started = performance.now();
            const held = await this.#commit(job, kind, context, m.rows, m.through);
            if (!held) return; // another runner took the job over (this one was presumed dead): stop here
            done = m.through;
            const ms = Math.max(1, performance.now() - started);
            batchSize = nextBatchSize(m.rows.length, ms);
            this.#emit(job, done, total, 'running');
            if (analyzeAt <= STATISTICS_LAST_AT && done - job.rows_done >= analyzeAt) {
              analyzeAt *= 8;
              await analyzeTables(this.#db, kind.tables);
            }
            // let requests that queued up behind the transaction run before the next batch
            await new Promise((resolve) => setImmediate(resolve));
            worker.postMessage({ type: 'ack', batchSize } satisfies Ack);
            break;
          }
          case 'done':
            await this.#complete(job, kind, context);
            if (done - job.rows_done >= STATISTICS_FIRST_AT) await vacuumTables(this.#db, kind.tables);
            this.#emit(job, done, total, 'done');
            return;
          case 'failed':
            // the file itself is unreadable, too large or has too many rows: nothing was stored
            await this.#fail(job, m.detail, false);
            return;
          case 'crashed':
            // the same file would need the same memory or time again: not offered for a retry
            await this.#fail(job, m.outOfMemory ? memoryFailure(this.#settings.workerHeapMb) : m.detail, false);
            return;
        }
      }
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * One batch in one transaction: its cells, its rejected rows, the job's counters and checkpoint and
   * an audit row. The job's row is checked last (advance), so the transaction is three or four
   * statements; if another runner took the job over meanwhile (this one was presumed dead), the batch
   * rolls back and false is returned.
   */
  async #commit(job: ImportJobRow, kind: AnyKind, context: unknown, rows: BatchRow<FileRow>[], through: number) {
    try {
      await this.#db.transaction().execute(async (trx) => {
        const outcome = await kind.storeBatch(trx, context, rows);
        await repo.insertRejections(trx, job.id, outcome.rejections);
        if (!(await repo.advance(trx, job.id, this.id, { through, ...counts(outcome) }))) throw new LostJob();
        if (outcome.imported + outcome.updated > 0) {
          await recordAudit(trx, auditActorOf(job), {
            action: 'import_batch',
            entity: 'import_job',
            entityId: job.id,
            after: { file: job.file_name, first_row: rows[0]?.data.row ?? null, through, ...counts(outcome) },
          });
        }
      });
      return true;
    } catch (e) {
      if (e instanceof LostJob) return false;
      throw e;
    }
  }

  async #complete(job: ImportJobRow, kind: AnyKind, context: unknown): Promise<void> {
    const ended = await this.#db.transaction().execute(async (trx) => {
      if (kind.finish) {
        const held = await repo.jobForFinish(trx, job.id, this.id);
        if (!held) return undefined;
        await repo.settleCounts(trx, job.id, await kind.finish(trx, context, held));
      }
      const ended = await repo.finishJob(trx, job.id, this.id, { status: 'done', keepContent: false });
      if (!ended) return undefined;
      await recordAudit(trx, auditActorOf(job), {
        action: 'import',
        entity: 'import_job',
        entityId: job.id,
        after: {
          file: job.file_name,
          rows: ended.rows_total,
          imported: ended.imported,
          updated: ended.updated,
          unchanged: ended.unchanged,
          rejected: ended.rejected,
        },
      });
      return ended;
    });
    // after the commit: a failed commit leaves the job running, to be resumed with its file
    if (ended) this.spool.remove(job.id);
  }
}

/** Thrown inside a batch's transaction to roll it back: the job is no longer this runner's. */
class LostJob extends Error {}

/**
 * The size of the batch after next (the worker reads one ahead) from how long this one took: aimed at
 * TARGET_BATCH_MS from the rows this batch really held, and at most doubled or halved a step, so a
 * slow batch (an ANALYZE, a burst of readers) does not swing the size back and forth.
 */
export function nextBatchSize(rows: number, ms: number): number {
  const aimed = (rows * TARGET_BATCH_MS) / Math.max(1, ms);
  return Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, rows / 2, Math.min(aimed, rows * 2))));
}

const counts = (o: BatchOutcome) => ({
  imported: o.imported,
  updated: o.updated,
  unchanged: o.unchanged,
  rejected: o.rejections.length,
});

/** Who the job's writes are audited as: the person who uploaded the file. */
export function auditActorOf(job: ImportJobRow): AuditActor {
  return { id: job.created_by, name: job.created_by_name, ip: null, provinceCode: job.province_code };
}

type Inbound = WorkerMessage | { type: 'crashed'; outOfMemory: boolean; detail: Bilingual };

/** The worker's messages in order; ends with 'crashed' if it dies, runs out of memory or time. */
async function* messagesOf(worker: Worker, timeoutMs: number): AsyncGenerator<Inbound> {
  const queue: Inbound[] = [];
  let wake: (() => void) | undefined;
  const push = (m: Inbound) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', (m: WorkerMessage) => push(m));
  worker.on('error', (e: Error & { code?: string }) => {
    const reason = `${e.name}: ${e.message}`.slice(0, 300);
    push({
      type: 'crashed',
      outOfMemory: e.code === 'ERR_WORKER_OUT_OF_MEMORY',
      detail: { vi: `Việc nhập bị dừng do lỗi (${reason})`, en: `The import stopped on an error (${reason})` },
    });
  });
  worker.on('exit', () =>
    push({
      type: 'crashed',
      outOfMemory: false,
      detail: { vi: 'Luồng đọc tệp dừng bất thường', en: 'The file reader stopped unexpectedly' },
    }),
  );
  const timer = setTimeout(() => {
    const minutes = Math.round(timeoutMs / 60_000);
    push({
      type: 'crashed',
      outOfMemory: false,
      detail: { vi: `Quá thời gian cho phép (${minutes} phút)`, en: `Took longer than allowed (${minutes} minutes)` },
    });
  }, timeoutMs);
  try {
    for (;;) {
      const m = queue.shift();
      if (m) {
        yield m;
        if (m.type === 'done' || m.type === 'failed' || m.type === 'crashed') return;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    clearTimeout(timer);
  }
}

export type { Rejection };

declare module 'fastify' {
  interface FastifyInstance {
    /** the process's import runner (http/app.ts), e.g. for tests to wait until it is idle */
    imports: ImportRunner;
  }
}
