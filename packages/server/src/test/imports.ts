import type { ImportJobDto, ImportReportDto } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';

/** What a file upload ends in, for tests that assert on the outcome rather than on the job itself. */
export interface ImportOutcome {
  /** the upload's own status when it was refused before a job (401, 403, 413 …); 200 done, 422 refused file */
  statusCode: number;
  job: ImportJobDto | null;
  /** the counts and rejected rows of a finished job, in the JSON import's report shape */
  report: ImportReportDto | null;
  /** a refused upload's error, or a failed job's reason in the request's language */
  error: { code: string; message: string; field?: string } | null;
  body: string;
}

/**
 * Follows an upload: a 202 reply carries a job, which the app's runner works off; this waits for it
 * and reads the finished job back through GET /api/import-jobs/:id, as the web does.
 */
export async function followImport(
  app: FastifyInstance,
  headers: Record<string, string>,
  res: LightMyRequestResponse,
  lang: 'vi' | 'en' = headers['accept-language'] === 'en' ? 'en' : 'vi',
): Promise<ImportOutcome> {
  if (res.statusCode !== 202) {
    const error = res.statusCode >= 400 ? ((res.json() as { error: ImportOutcome['error'] }).error ?? null) : null;
    return { statusCode: res.statusCode, job: null, report: null, error, body: res.body };
  }
  const queued = res.json() as ImportJobDto;
  await app.imports.idle();
  const read = await app.inject({ method: 'GET', url: `/api/import-jobs/${queued.id}`, headers });
  if (read.statusCode !== 200) throw new Error(`GET import job: ${read.statusCode} ${read.body}`);
  const job = read.json() as ImportJobDto;
  if (job.status === 'failed') {
    const message = job.error?.[lang] ?? '';
    return { statusCode: 422, job, report: null, error: { code: 'DATA_FILE_UNREADABLE', field: 'file', message }, body: message };
  }
  if (job.status !== 'done') throw new Error(`import job still ${job.status} after the runner went idle`);
  const report: ImportReportDto = {
    rows: job.rowsTotal ?? 0,
    imported: job.imported,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    rejectedRows: job.rejectedRows.map((r) => ({
      row: r.row,
      dataElement: r.fields.dataElement ?? null,
      orgUnit: r.fields.orgUnit ?? null,
      period: r.fields.period ?? null,
      reason: r.reason,
    })),
  };
  return { statusCode: 200, job, report, error: null, body: JSON.stringify(report) };
}
