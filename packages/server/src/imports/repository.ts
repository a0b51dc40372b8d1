import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, ImportJobTable } from '../db/schema.ts';
import type { Rejection } from './types.ts';

/**
 * SQL of import jobs (migration 0006). The queue is small (a handful of open jobs at most), read
 * through the partial index import_job_open; a job's rejected rows through their primary key.
 */
type Q = Kysely<Database> | Transaction<Database>;

const JOB_COLUMNS = [
  'id',
  'province_code',
  'kind',
  'status',
  'file_name',
  'file_size',
  'file_kept',
  'created_by',
  'created_by_name',
  'created_at',
  'started_at',
  'finished_at',
  'heartbeat_at',
  'runner',
  'attempts',
  'rows_total',
  'rows_done',
  'imported',
  'updated',
  'unchanged',
  'rejected',
  'error',
  'options',
] as const;

export type ImportJobRow = Selectable<ImportJobTable>;

export async function insertJob(
  db: Q,
  job: {
    province_code: string;
    kind: string;
    file_name: string;
    file_size: number;
    created_by: string | null;
    created_by_name: string;
    /** JSON: the kind's reader options */
    options?: string | null;
  },
): Promise<ImportJobRow> {
  return db.insertInto('import_job').values(job).returning(JOB_COLUMNS).executeTakeFirstOrThrow();
}

export async function findJob(db: Q, provinceCode: string, id: string): Promise<ImportJobRow | undefined> {
  return db
    .selectFrom('import_job')
    .select(JOB_COLUMNS)
    .where('id', '=', id)
    .where('province_code', '=', provinceCode)
    .executeTakeFirst();
}

/** The newest jobs of one user (or of everyone when userId is undefined). */
export async function listJobs(db: Q, provinceCode: string, filter: { userId?: string | undefined; limit: number }) {
  let q = db.selectFrom('import_job').select(JOB_COLUMNS).where('province_code', '=', provinceCode);
  if (filter.userId !== undefined) q = q.where('created_by', '=', filter.userId);
  return q.orderBy('created_at', 'desc').limit(filter.limit).execute();
}

/**
 * Takes the oldest waiting job (or the given one) for this runner. `FOR UPDATE SKIP LOCKED` lets two
 * server processes on one PostgreSQL claim different jobs, never the same one.
 */
export async function claimJob(db: Q, runner: string, id?: string): Promise<ImportJobRow | undefined> {
  const next = db
    .selectFrom('import_job')
    .select('id')
    .where('status', '=', 'queued')
    .$if(id !== undefined, (q) => q.where('id', '=', id as string))
    .orderBy('created_at')
    .limit(1)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('import_job')
    .set((eb) => ({
      status: 'running',
      runner,
      attempts: eb('attempts', '+', 1),
      started_at: sql<Date>`coalesce(started_at, now())`,
      heartbeat_at: sql<Date>`now()`,
      error: null,
    }))
    .where('id', '=', (eb) => eb.selectFrom(next.as('n')).select('n.id'))
    .returning(JOB_COLUMNS)
    .executeTakeFirst();
}

export async function setTotal(db: Q, id: string, runner: string, total: number): Promise<void> {
  await db
    .updateTable('import_job')
    .set({ rows_total: total, heartbeat_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('runner', '=', runner)
    .execute();
}

/**
 * A stored batch: the checkpoint and the counters move on together, in the batch's transaction, if
 * this runner still holds the job (false: another runner took it over, and the batch must roll back).
 * The row lock this takes keeps a second runner off the job until the batch commits.
 */
export async function advance(
  trx: Transaction<Database>,
  id: string,
  runner: string,
  step: { through: number; imported: number; updated: number; unchanged: number; rejected: number },
): Promise<boolean> {
  const held = await trx
    .updateTable('import_job')
    .set((eb) => ({
      rows_done: step.through,
      imported: eb('imported', '+', step.imported),
      updated: eb('updated', '+', step.updated),
      unchanged: eb('unchanged', '+', step.unchanged),
      rejected: eb('rejected', '+', step.rejected),
      heartbeat_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .where('runner', '=', runner)
    .where('status', '=', 'running')
    .returning('id')
    .executeTakeFirst();
  return held !== undefined;
}

export async function insertRejections(trx: Transaction<Database>, jobId: string, rejections: Rejection[]): Promise<void> {
  for (let i = 0; i < rejections.length; i += 1000) {
    await trx
      .insertInto('import_job_rejection')
      .values(
        rejections.slice(i, i + 1000).map((r) => ({
          job_id: jobId,
          row_no: r.row,
          // pairs, not an object: jsonb sorts an object's keys, and the CSV keeps the reader's column order
          fields: JSON.stringify(Object.entries(r.fields)),
          reason_vi: r.reason.vi,
          reason_en: r.reason.en,
        })),
      )
      .execute();
  }
}

/** The job as its last batch left it, locked for its finish step, if this runner still holds it. */
export async function jobForFinish(trx: Transaction<Database>, id: string, runner: string): Promise<ImportJobRow | undefined> {
  return trx
    .selectFrom('import_job')
    .select(JOB_COLUMNS)
    .where('id', '=', id)
    .where('runner', '=', runner)
    .where('status', '=', 'running')
    .forUpdate()
    .executeTakeFirst();
}

/** The counters a kind's finish step settled (a staged import knows what it added only when it publishes). */
export async function settleCounts(
  trx: Transaction<Database>,
  id: string,
  counts: { imported: number; updated: number; unchanged: number },
): Promise<void> {
  await trx.updateTable('import_job').set(counts).where('id', '=', id).execute();
}

/** Ends a job (done or failed); the uploaded file is dropped unless a retry may still need it. */
export async function finishJob(
  db: Q,
  id: string,
  runner: string,
  end: { status: 'done' | 'failed'; error?: { vi: string; en: string; retryable: boolean } | undefined; keepContent: boolean },
): Promise<ImportJobRow | undefined> {
  return db
    .updateTable('import_job')
    .set({
      status: end.status,
      finished_at: sql<Date>`now()`,
      runner: null,
      error: end.error ? JSON.stringify(end.error) : null,
      ...(end.keepContent ? {} : { file_kept: false }),
    })
    .where('id', '=', id)
    .where('runner', '=', runner)
    .returning(JOB_COLUMNS)
    .executeTakeFirst();
}

/** How many jobs are waiting or running: one user's (the upload route's bound), or everyone's. */
export async function openJobCount(db: Q, userId?: string): Promise<number> {
  const r = await db
    .selectFrom('import_job')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'running'])
    .$if(userId !== undefined, (q) => q.where('created_by', '=', userId as string))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Jobs whose uploaded file must stay on disk: open, or failed and kept for a retry. */
export async function jobsKeepingFiles(db: Q): Promise<Set<string>> {
  const rows = await db
    .selectFrom('import_job')
    .select('id')
    .where('file_kept', '=', true)
    .where((eb) => eb.or([eb('status', 'in', ['queued', 'running']), eb('status', '=', 'failed')]))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A stopping runner hands its job back to the queue; the next run resumes after rows_done. */
export async function releaseJob(db: Q, id: string, runner: string): Promise<void> {
  await db
    .updateTable('import_job')
    .set({ status: 'queued', runner: null })
    .where('id', '=', id)
    .where('runner', '=', runner)
    .execute();
}

export async function heartbeat(db: Q, id: string, runner: string): Promise<void> {
  await db
    .updateTable('import_job')
    .set({ heartbeat_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('runner', '=', runner)
    .execute();
}

/**
 * Running jobs whose runner stopped beating before `staleBefore` (a crash, kill -9): back to the
 * queue to resume after their checkpoint, or failed after `maxAttempts` runs.
 */
export async function recoverStale(db: Q, staleBefore: Date, maxAttempts: number): Promise<number> {
  const failed = {
    vi: `Dừng sau ${maxAttempts} lần chạy bị gián đoạn`,
    en: `Stopped after ${maxAttempts} interrupted runs`,
    retryable: true,
  };
  const rows = await db
    .updateTable('import_job')
    .set({
      status: sql`CASE WHEN attempts >= ${maxAttempts} THEN 'failed' ELSE 'queued' END`,
      error: sql`CASE WHEN attempts >= ${maxAttempts} THEN ${JSON.stringify(failed)}::jsonb ELSE NULL END`,
      finished_at: sql`CASE WHEN attempts >= ${maxAttempts} THEN now() ELSE NULL END`,
      runner: null,
    })
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeat_at', '<', staleBefore), eb('heartbeat_at', 'is', null)]))
    .executeTakeFirst();
  return Number(rows.numUpdatedRows);
}

/** A failed job whose file is kept goes back to the queue (the retry resumes after its checkpoint). */
export async function requeueFailed(db: Q, id: string): Promise<boolean> {
  const r = await db
    .updateTable('import_job')
    .set({ status: 'queued', error: null, finished_at: null, attempts: 0 })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .where('file_kept', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Rejected rows in row order, from after `afterRow` (keyset paging through the primary key). */
export async function rejections(db: Q, jobId: string, afterRow: number, limit: number) {
  const rows = await db
    .selectFrom('import_job_rejection')
    .select(['row_no', 'fields', 'reason_vi', 'reason_en'])
    .where('job_id', '=', jobId)
    .where('row_no', '>', afterRow)
    .orderBy('row_no')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, fields: Object.fromEntries(r.fields as [string, string | null][]) }));
}

/** Every rejected row of a job, page by page (the CSV download, the CLI). */
export async function* allRejections(db: Q, jobId: string): AsyncGenerator<Awaited<ReturnType<typeof rejections>>[number]> {
  let after = 0;
  for (;;) {
    const page = await rejections(db, jobId, after, 2000);
    yield* page;
    const last = page[page.length - 1];
    if (!last || page.length < 2000) return;
    after = last.row_no;
  }
}

/** The job, which must exist (the CLI, right after queueing it). */
export async function jobRow(db: Q, provinceCode: string, id: string): Promise<ImportJobRow> {
  const job = await findJob(db, provinceCode, id);
  if (!job) throw new Error(`import job ${id} vanished`);
  return job;
}
