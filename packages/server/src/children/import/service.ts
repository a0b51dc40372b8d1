import type { ChildField, ChildImportReport, ChildRejectionDto } from '@tre/core';
import { vietnamDate } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { allRejections, type ImportJobRow } from '../../imports/repository.ts';
import type { ImportRunner } from '../../imports/runner.ts';
import { enqueueImport } from '../../imports/service.ts';
import { CHILDREN_IMPORT } from './kind.ts';
import type { ChildReaderOptions, ChildRowProblem } from './reader.ts';

/** Queues a register file as a children import job, with its column mapping and today's date in Vietnam. */
export async function enqueueChildrenImport(
  db: Kysely<Database>,
  runner: ImportRunner,
  uploader: { actor: SessionActor | null; provinceCode: string; name: string },
  fileName: string,
  upload: { path: string; size: number },
  map: Record<string, string>,
  now = new Date(),
) {
  const options: ChildReaderOptions = { map, today: vietnamDate(now) };
  return enqueueImport(db, runner, uploader, CHILDREN_IMPORT, fileName, upload, options);
}

type StoredRejection = Awaited<ReturnType<typeof allRejections> extends AsyncGenerator<infer T> ? Promise<T> : never>;

function othersOf(raw: string | null | undefined): ChildRowProblem[] {
  if (!raw) return [];
  try {
    return JSON.parse(raw) as ChildRowProblem[];
  } catch {
    return [];
  }
}

/** A stored refused row as the report gives it: the first rule broken, and every rule in `problems`. */
export function rejectionDto(r: StoredRejection): ChildRejectionDto {
  const first = {
    field: r.fields.field ?? 'Dòng',
    fieldKey: (r.fields.fieldKey ?? 'row') as ChildField | 'row',
    reason: r.reason_vi,
    reasonEn: r.reason_en,
  };
  const others = othersOf(r.fields.others).map((p) => ({
    field: p.field,
    fieldKey: p.fieldKey,
    reason: p.reason.vi,
    reasonEn: p.reason.en,
  }));
  return { row: r.row_no, ...first, problems: [first, ...others] };
}

/**
 * The report of a children import job: the counts and the refused rows in row order — every one for
 * the CLI's report file, the first `limit` on screen and in the Excel file (a file of 200,000 bad
 * rows gives a report of 200,000 rows: the first are what the officer fixes first; `rejected` counts
 * them all).
 */
export async function importReport(
  db: Kysely<Database>,
  job: ImportJobRow,
  duplicates: number,
  limit = Number.POSITIVE_INFINITY,
): Promise<ChildImportReport> {
  const rejections: ChildRejectionDto[] = [];
  for await (const r of allRejections(db, job.id)) {
    if (rejections.length >= limit) break;
    rejections.push(rejectionDto(r));
  }
  const status = job.status;
  return {
    file: job.file_name,
    jobId: job.id,
    status,
    rows: job.rows_total ?? 0,
    imported: status === 'done' ? job.imported : 0,
    updated: status === 'done' ? job.updated : 0,
    unchanged: status === 'done' ? job.unchanged : 0,
    rejected: job.rejected,
    rejections,
    warnings: [],
    duplicates,
    error:
      status === 'failed'
        ? ((job.error as { vi: string; en: string } | null) ?? { vi: 'Nhập thất bại', en: 'The import failed' })
        : null,
  };
}
