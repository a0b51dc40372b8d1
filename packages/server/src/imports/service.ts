import { ErrorCode, type ImportJobDto, importsPermissions, mayTake, REJECTIONS_SHOWN } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf as sessionAuditActor, type SessionActor } from '../audit/session-actor.ts';
import { notFound, TreError } from '../errors.ts';
import * as repo from './repository.ts';
import type { ImportJobRow } from './repository.ts';
import type { ImportRunner } from './runner.ts';

/**
 * Import jobs as people see them: queue a file, follow it, list one's own, download the rejected
 * rows, run a failed one again. A job is the uploader's: others see it only as administrator or
 * standing body (who oversee every import of the province); to anyone else it does not exist (404).
 */

/** Open jobs one person may have (waiting or running), and all together: beyond, an upload is refused before it is read. */
export const MAX_OPEN_JOBS_PER_USER = 3;
export const MAX_OPEN_JOBS = 50;

/** Refuses an upload while its uploader (or the province) already has too many imports waiting. */
export async function assertMayQueue(db: Kysely<Database>, actor: SessionActor): Promise<void> {
  const mine = await repo.openJobCount(db, actor.id);
  const all = mine >= MAX_OPEN_JOBS_PER_USER ? 0 : await repo.openJobCount(db);
  if (mine < MAX_OPEN_JOBS_PER_USER && all < MAX_OPEN_JOBS) return;
  throw new TreError(ErrorCode.TooManyImports, {
    detail:
      mine >= MAX_OPEN_JOBS_PER_USER
        ? {
            vi: `Bạn đã có ${mine} tệp đang chờ hoặc đang nhập; hãy đợi chúng xong rồi gửi tiếp`,
            en: `You already have ${mine} files waiting or importing; wait for them to finish`,
          }
        : {
            vi: 'Hệ thống đang có nhiều tệp chờ nhập; hãy gửi lại sau ít phút',
            en: 'Many files are waiting to be imported; send it again in a few minutes',
          },
  });
}

/** Queues a received file (already authorised and bounded by the route) and wakes the runner. */
export async function enqueueImport(
  db: Kysely<Database>,
  runner: ImportRunner,
  uploader: { actor: SessionActor | null; provinceCode: string; name: string },
  kind: string,
  fileName: string,
  upload: { path: string; size: number },
  options?: unknown,
): Promise<ImportJobDto> {
  let job: ImportJobRow;
  try {
    job = await insertQueued(db, uploader, kind, fileName, upload.size, options);
  } catch (e) {
    runner.spool.discard(upload.path);
    throw e;
  }
  runner.spool.adopt(upload.path, job.id);
  runner.wake();
  return jobDto(job, []);
}

async function insertQueued(
  db: Kysely<Database>,
  uploader: { actor: SessionActor | null; provinceCode: string; name: string },
  kind: string,
  fileName: string,
  size: number,
  options: unknown,
): Promise<ImportJobRow> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertJob(trx, {
      province_code: uploader.provinceCode,
      kind,
      file_name: fileName,
      file_size: size,
      options: options === undefined ? null : JSON.stringify(options),
      created_by: uploader.actor?.id ?? null,
      created_by_name: uploader.name,
    });
    const audit = uploader.actor
      ? sessionAuditActor(uploader.actor)
      : { id: null, name: uploader.name, ip: null, provinceCode: uploader.provinceCode };
    await recordAudit(trx, audit, {
      action: 'create',
      entity: 'import_job',
      entityId: row.id,
      after: { kind, file: fileName, size },
    });
    return row;
  });
}

export function jobDto(row: ImportJobRow, rejected: Awaited<ReturnType<typeof repo.rejections>>): ImportJobDto {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    fileSize: row.file_size,
    status: row.status,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    imported: row.imported,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    rejectedRows: rejected.map((r) => ({
      row: r.row_no,
      fields: r.fields,
      reason: { vi: r.reason_vi, en: r.reason_en },
    })),
    error: errorOf(row),
    retryable: row.status === 'failed' && isRetryable(row),
  };
}

function errorOf(row: ImportJobRow): { vi: string; en: string } | null {
  const e = row.error as { vi?: string; en?: string } | null;
  return e?.vi && e.en ? { vi: e.vi, en: e.en } : null;
}

/** Retryable: failed while running (memory, time, a crash), not refused for its content. Kept as a flag in error. */
const isRetryable = (row: ImportJobRow) => (row.error as { retryable?: boolean } | null)?.retryable === true;

/** The job, if the caller may see it (its uploader, or an overseer); otherwise not found. */
export async function getJob(db: Kysely<Database>, actor: SessionActor, id: string): Promise<ImportJobRow> {
  const job = await repo.findJob(db, actor.provinceCode, id);
  if (!job || (job.created_by !== actor.id && !mayTake(importsPermissions, 'jobs.oversee', actor))) {
    throw notFound({ vi: 'việc nhập tệp', en: 'Import job' });
  }
  return job;
}

export async function jobWithRejections(db: Kysely<Database>, actor: SessionActor, id: string): Promise<ImportJobDto> {
  const job = await getJob(db, actor, id);
  return jobDto(job, await repo.rejections(db, job.id, 0, REJECTIONS_SHOWN));
}

/** One's own jobs, newest first; overseers may ask for everyone's. */
export async function listJobs(db: Kysely<Database>, actor: SessionActor, everyone: boolean): Promise<ImportJobDto[]> {
  const all = everyone && mayTake(importsPermissions, 'jobs.oversee', actor);
  const rows = await repo.listJobs(db, actor.provinceCode, { userId: all ? undefined : actor.id, limit: 50 });
  return rows.map((r) => jobDto(r, []));
}

export async function retryJob(
  db: Kysely<Database>,
  runner: ImportRunner,
  actor: SessionActor,
  id: string,
): Promise<ImportJobDto> {
  const job = await getJob(db, actor, id);
  if (!isRetryable(job)) {
    throw new TreError(ErrorCode.Conflict, {
      detail: {
        vi: 'Chỉ chạy lại được việc nhập bị dừng giữa chừng; tệp bị từ chối cần được sửa và tải lên lại',
        en: 'Only an import stopped part-way can be run again; a refused file must be corrected and uploaded again',
      },
    });
  }
  await db.transaction().execute(async (trx) => {
    if (!(await repo.requeueFailed(trx, job.id))) throw notFound({ vi: 'việc nhập tệp', en: 'Import job' });
    await recordAudit(trx, sessionAuditActor(actor), { action: 'retry', entity: 'import_job', entityId: job.id });
  });
  runner.wake();
  return jobWithRejections(db, actor, id);
}

/** Excel reads a text starting with = + - @ (or a tab/CR) as a formula: such a cell is prefixed with '. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every rejected row as CSV (UTF-8 with a BOM, so that Excel shows Vietnamese), read page by page. */
export async function* rejectionsCsv(
  db: Kysely<Database>,
  job: ImportJobRow,
  labels: Record<string, string> = {},
): AsyncGenerator<string> {
  let header = false;
  for await (const r of repo.allRejections(db, job.id)) {
    const fields = r.fields;
    if (!header) {
      const names = Object.keys(fields).map((k) => labels[k] ?? k);
      yield `\uFEFF${['Dòng / Row', ...names, 'Lý do', 'Reason'].map(csvCell).join(',')}\r\n`;
      header = true;
    }
    yield `${[r.row_no, ...Object.values(fields), r.reason_vi, r.reason_en].map(csvCell).join(',')}\r\n`;
  }
  if (!header) yield `\uFEFF${['Dòng / Row', 'Lý do', 'Reason'].map(csvCell).join(',')}\r\n`;
}
