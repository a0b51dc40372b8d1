import { childrenPermissions, mayTakeOn, scopeOf, vietnamDate, type Actor } from '@tre/core';
import { childrenImportSettings } from '../../imports/limits.ts';
import { importKind } from '../../imports/runner.ts';
import { uploaderScope } from '../../access/uploader.ts';
import { type BatchOutcome, type BatchRow, type Rejection } from '../../imports/types.ts';
import type { ImportJobRow } from '../../imports/repository.ts';
import { publishJob, stageBatch } from './repository.ts';
import type { ChildImportRow, ChildReaderOptions, ChildRowProblem } from './reader.ts';

/**
 * The children register as an import kind (imports/runner.ts): the worker reads and checks the rows
 * (reader.ts), each batch stages its valid rows and records its refused ones, and the job's finish
 * step publishes every staged row into the register in the transaction that marks the job done.
 */

export const CHILDREN_IMPORT = 'children';

interface ChildImportContext {
  job: ImportJobRow;
  options: ChildReaderOptions;
  /** the uploader's scope now; null for the command line, which acts for the whole province */
  scope: Pick<Actor, 'role' | 'communeCode' | 'agencyId'> | null;
}

/** How a refused row is kept in import_job_rejection: the first rule it breaks, and the others. */
export const REJECTION_LABELS: Record<string, string> = {
  field: 'Trường / field',
  fieldKey: 'Mã trường / field key',
  others: 'Lỗi khác / other problems',
};

export function rejectionOf(row: number, problems: ChildRowProblem[]): Rejection {
  const [first, ...rest] = problems;
  return {
    row,
    fields: {
      field: first?.field ?? 'Dòng',
      fieldKey: first?.fieldKey ?? 'row',
      others: rest.length > 0 ? JSON.stringify(rest) : null,
    },
    reason: first?.reason ?? { vi: 'dòng không hợp lệ', en: 'invalid row' },
  };
}

/** The import date and column mapping a job was queued with (import_job.options). */
export function readerOptionsOf(job: ImportJobRow): ChildReaderOptions {
  const o = (job.options ?? {}) as Partial<ChildReaderOptions>;
  return { map: o.map ?? {}, today: o.today ?? vietnamDate(job.created_at) };
}

function outOfScope(scope: ChildImportContext['scope'], communeCode: string): boolean {
  return scope !== null && !mayTakeOn(childrenPermissions, 'children.import', scope, { communeCode });
}

async function storeRows(
  trx: Parameters<Parameters<typeof importKind>[0]['storeBatch']>[0],
  context: ChildImportContext,
  rows: BatchRow<ChildImportRow>[],
): Promise<BatchOutcome> {
  const rejections: Rejection[] = [];
  const good: string[] = [];
  for (const { data } of rows) {
    if (data.problems.length > 0 || !data.staged) {
      rejections.push(rejectionOf(data.row, data.problems));
    } else if (outOfScope(context.scope, data.staged.communeCode)) {
      rejections.push(
        rejectionOf(data.row, [
          {
            field: 'Mã xã',
            fieldKey: 'communeCode',
            reason: {
              vi: 'xã này không thuộc phạm vi của tài khoản; chỉ nhập được trẻ em của xã mình',
              en: "this commune is outside the account's scope; only the children of one's own commune can be imported",
            },
          },
        ]),
      );
    } else good.push(data.staged.json);
  }
  await stageBatch(trx, context.job.id, rows[0]?.data.row ?? 0, good);
  return { imported: good.length, updated: 0, unchanged: 0, rejections };
}

export const childrenImport = importKind<ChildImportRow, ChildImportContext>({
  name: CHILDREN_IMPORT,
  fieldLabels: REJECTION_LABELS,
  readerHref: new URL('./reader.ts', import.meta.url).href,
  // the register's tables change only when the job publishes; the staging table's big JSON rows are not worth statistics
  tables: ['child', 'child_group'],
  limits: { maxRows: childrenImportSettings().maxRows },
  async prepare(db, job) {
    return { job, options: readerOptionsOf(job), scope: await uploaderScope(db, job) };
  },
  readerOptions: (context) => context.options,
  storeBatch: storeRows,
  async finish(trx, context, job) {
    const scope = context.scope;
    const ownCommune =
      scope && scopeOf(childrenPermissions, 'children.import', scope) === 'own_commune' ? (scope.communeCode ?? '') : null;
    const outcome = await publishJob(
      trx,
      { id: job.id, fileName: job.file_name, createdBy: job.created_by, createdByName: job.created_by_name },
      ownCommune,
    );
    return { imported: outcome.imported, updated: outcome.updated, unchanged: outcome.unchanged };
  },
});
