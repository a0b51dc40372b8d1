import { checkText, childrenPermissions, describeUnsafeCharacter } from '@tre/core';
import { parseColumnMap } from '@tre/core/children/layout/column-map';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { listReadLog } from '../audit/read-log-repository.ts';
import { authorize } from '../http/auth.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { fromParams, fromQuery } from '../http/read-log-hook.ts';
import { authoriseUpload } from '../http/upload.ts';
import { findJob } from '../imports/repository.ts';
import type { ImportRunner } from '../imports/runner.ts';
import { assertMayQueue } from '../imports/service.ts';
import { receivedFile, streamUploadsToSpool } from '../imports/spooled-upload.ts';
import { XLSX_TYPE, type XlsxFile } from '../indicators/excel/common.ts';
import { childrenImportSettings } from '../imports/limits.ts';
import { CHILDREN_IMPORT } from './import/kind.ts';
import { enqueueChildrenImport, importReport } from './import/service.ts';
import { markDifferent, mergePair, undoMerge } from './duplicates/decisions.ts';
import { pairsInState } from './duplicates/queue.ts';
import { rejectionsWorkbook } from './excel.ts';
import { exportChildren } from './export.ts';
import { listChildren, readChild } from './service.ts';
import { createChild, updateChild, updateMembership } from './records.ts';
import { auditActorOf } from '../audit/session-actor.ts';
import type { DuplicateScans } from './duplicates/service.ts';
import { startCommuneVerification, verificationJob, verifyChild } from './verification.ts';
import type { PopulationClient } from './population/client.ts';
import { publishRegisterFigures, registerCounts } from './statistics.ts';
import {
  ChildIdParams,
  ChildInputSchema,
  ChildUpdateSchema,
  ChildImportQuery,
  ChildImportReportSchema,
  ChildListQuery,
  ChildReadQuery,
  ChildSchema,
  ChildSummarySchema,
  DuplicatePairSchema,
  JobParams,
  MergeBody,
  PairParams,
} from './schemas.ts';
import { vietnamDate } from '@tre/core';

const tags = ['children'];

/** The support received, as multi-line text: NFC, no control characters (core text guard), empty is none. */
function cleanSupport(text: string): string | null {
  const checked = checkText(text, { multiline: true });
  if (!checked.ok)
    throw invalid('support', describeUnsafeCharacter(checked.unsafe, 'vi'), describeUnsafeCharacter(checked.unsafe, 'en'));
  return checked.text === '' ? null : checked.text;
}

/** Refused rows on the import page, and in its Excel file (built in memory: bounded, so one big bad file holds nobody up). */
const REPORT_ROWS_SHOWN = 1000;
const REPORT_ROWS_IN_EXCEL = 20_000;

function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content);
}

/** The children register: list and search, one record, imports, duplicate review, export. */
export function childrenRoutes(
  db: Kysely<Database>,
  runner: ImportRunner,
  population: PopulationClient | undefined,
  scans: DuplicateScans,
) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    streamUploadsToSpool(app, runner);

    app.get(
      '/api/children',
      {
        // the search text is never kept: it may be a child's name or ID
        config: { readLog: { kind: 'child_list', params: ['commune', 'group', 'birthYear'] } },
        schema: {
          tags,
          summary: 'Danh sách, tìm kiếm trẻ em (số định danh che bớt) / list and search the register (IDs masked)',
          querystring: ChildListQuery,
          response: { 200: z.object({ items: z.array(ChildSummarySchema) }) },
        },
      },
      async (request) => ({
        items: await listChildren(db, authorize(request, childrenPermissions, 'children.read'), request.query),
      }),
    );

    app.get(
      '/api/children/export.xlsx',
      {
        config: { readLog: { kind: 'export', params: ['commune', 'birthYear', 'group'] } },
        schema: {
          tags,
          summary:
            'Xuất danh sách trẻ em ra Excel, theo bộ lọc của danh sách (ghi người xuất, ngày xuất) / export the register as Excel, filtered as the list',
          querystring: ChildListQuery.pick({ commune: true, birthYear: true, group: true }),
        },
      },
      async (request, reply) =>
        sendXlsx(reply, await exportChildren(db, authorize(request, childrenPermissions, 'children.export'), request.query)),
    );

    app.get(
      '/api/children/statistics',
      {
        config: { readLog: { kind: 'child_list', params: ['commune', 'period'], logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Số trẻ em có hoàn cảnh đặc biệt theo xã, giới tính, nhóm tuổi / counts from the register',
          querystring: z.object({
            period: z.string().trim().min(4).max(7),
            commune: z
              .string()
              .regex(/^\d{5}$/)
              .optional(),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  communeCode: z.string(),
                  sex: z.enum(['male', 'female']),
                  ageGroup: z.enum(['u6', '6_11', '12_15']),
                  special: z.number(),
                  supported: z.number(),
                  abused: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        items: await registerCounts(
          db,
          authorize(request, childrenPermissions, 'children.statistics'),
          request.query.period,
          request.query.commune,
        ),
      }),
    );

    app.post(
      '/api/children/statistics/publish',
      {
        schema: {
          tags,
          summary: 'Ghi số liệu từ danh sách trẻ em vào chỉ tiêu 8, 9 cho một kỳ / write the register’s counts as data values',
          body: z.object({ period: z.string().trim().min(4).max(7) }),
          response: {
            200: z.object({ period: z.string(), communes: z.number(), cellsWritten: z.number(), locked: z.array(z.string()) }),
          },
        },
      },
      async (request) => {
        return publishRegisterFigures(db, authorize(request, childrenPermissions, 'children.publish'), request.body.period);
      },
    );

    app.get(
      '/api/children/:id/readers',
      {
        config: { readLog: { kind: 'child_readers', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Ai đã xem hồ sơ trẻ em này / who looked at this child’s record',
          params: ChildIdParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  at: z.string(),
                  username: z.string().nullable(),
                  route: z.string(),
                  status: z.number(),
                  reason: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const actor = authorize(request, childrenPermissions, 'children.readers');
        const rows = await listReadLog(db, actor.provinceCode, {
          kind: 'child',
          recordId: String(request.params.id),
          limit: 200,
        });
        return {
          items: rows.map((r) => ({
            at: r.at.toISOString(),
            username: r.username,
            route: r.route,
            status: r.status,
            reason: r.reason,
          })),
        };
      },
    );

    app.get(
      '/api/children/:id',
      {
        config: { readLog: { kind: 'child', record: fromParams('id'), reason: fromQuery('reason') } },
        schema: {
          tags,
          summary: 'Hồ sơ một trẻ em; ngoài xã của mình cần nêu lý do / one child’s record; a reason outside one’s commune',
          params: ChildIdParams,
          querystring: ChildReadQuery,
          response: { 200: ChildSchema },
        },
      },
      async (request) =>
        readChild(db, authorize(request, childrenPermissions, 'children.read'), request.params.id, request.query.reason),
    );

    app.post(
      '/api/children',
      {
        schema: {
          tags,
          summary: 'Thêm hồ sơ trẻ em từ màn hình / add a child from the screen',
          body: ChildInputSchema,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, childrenPermissions, 'children.edit');
        const id = await createChild(db, actor, request.body);
        scans.after({ ids: [id] }, auditActorOf(actor));
        return reply.status(201).send({ id });
      },
    );

    app.patch(
      '/api/children/:id',
      {
        config: { readLog: { kind: 'child', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Sửa hồ sơ trẻ em (lưu lịch sử từng trường) / change a record (each field’s history kept)',
          params: ChildIdParams,
          body: ChildUpdateSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await updateChild(db, authorize(request, childrenPermissions, 'children.edit'), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.patch(
      '/api/children/:id/groups/:membership',
      {
        config: { readLog: { kind: 'child', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Sửa thời gian và hỗ trợ đã nhận của một nhóm hoàn cảnh / a membership’s dates and the support received',
          params: ChildIdParams.extend({ membership: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
          body: z.object({
            startedOn: z.iso.date().nullable().optional(),
            endedOn: z.iso.date().nullable().optional(),
            support: z.string().trim().max(2000).nullable().optional(),
          }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, childrenPermissions, 'children.edit');
        const { support, ...dates } = request.body;
        await updateMembership(db, actor, request.params.id, request.params.membership, {
          ...dates,
          ...(support === undefined ? {} : { support: support === null ? null : cleanSupport(support) }),
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/children/imports',
      {
        bodyLimit: childrenImportSettings().maxFileBytes,
        onRequest: [
          authoriseUpload(childrenPermissions, 'children.import'),
          async (request) => assertMayQueue(db, authorize(request, childrenPermissions, 'children.import')),
        ],
        schema: {
          tags,
          summary:
            'Nhập danh sách trẻ em (.csv, .xlsx), application/octet-stream; chạy như một việc nhập (202) / import a register as a job',
          querystring: ChildImportQuery,
          response: { 202: z.object({ jobId: z.string() }) },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, childrenPermissions, 'children.import');
        let map: Record<string, string> = {};
        if (request.query.map) {
          const read = parseColumnMap(request.query.map);
          if (!read.ok) throw invalid('map', read.reason.vi, read.reason.en);
          map = read.map;
        }
        const job = await enqueueChildrenImport(
          db,
          runner,
          { actor, provinceCode: actor.provinceCode, name: actor.username },
          request.query.fileName,
          receivedFile(request),
          map,
        );
        return reply.status(202).send({ jobId: job.id });
      },
    );

    /** The uploader's own children import (or any, for a role reaching the province). */
    async function ownJob(actor: ReturnType<typeof authorize>, id: string) {
      const job = await findJob(db, actor.provinceCode, id);
      const mine = job?.created_by === actor.id || actor.role === 'admin' || actor.role === 'provincial_officer';
      if (!job || job.kind !== CHILDREN_IMPORT || !mine) throw notFound();
      return job;
    }

    app.get(
      '/api/children/imports/:job',
      {
        config: { readLog: { kind: 'import_job', record: fromParams('job') } },
        schema: {
          tags,
          summary: 'Kết quả nhập danh sách trẻ em: số dòng, các dòng bị từ chối / a register import’s report',
          params: JobParams,
          response: { 200: ChildImportReportSchema },
        },
      },
      async (request) => {
        const actor = authorize(request, childrenPermissions, 'children.import');
        const job = await ownJob(actor, request.params.job);
        const pending = await db
          .selectFrom('child_duplicate as d')
          .innerJoin('child as c', (j) =>
            j.on((eb) => eb.or([eb('c.id', '=', eb.ref('d.child_a')), eb('c.id', '=', eb.ref('d.child_b'))])),
          )
          .select((eb) => eb.fn.count<number>('d.id').distinct().as('n'))
          .where('c.source_job_id', '=', job.id)
          .where('d.status', '=', 'pending')
          .executeTakeFirst();
        return importReport(db, job, pending?.n ?? 0, REPORT_ROWS_SHOWN);
      },
    );

    app.get(
      '/api/children/imports/:job/rejections.xlsx',
      {
        config: { readLog: { kind: 'export', record: fromParams('job') } },
        schema: { tags, summary: 'Các dòng bị từ chối, tệp Excel / the refused rows as Excel', params: JobParams },
      },
      async (request, reply) => {
        const actor = authorize(request, childrenPermissions, 'children.import');
        const job = await ownJob(actor, request.params.job);
        return sendXlsx(reply, await rejectionsWorkbook(await importReport(db, job, 0, REPORT_ROWS_IN_EXCEL)));
      },
    );

    const Verification = z.object({
      status: z.enum(['match', 'mismatch', 'not_found']),
      mismatches: z.array(z.string()),
      residence: z
        .object({ provinceCode: z.string(), communeCode: z.string(), address: z.string(), kind: z.string() })
        .nullable(),
    });

    app.post(
      '/api/children/:id/verify',
      {
        // the answer holds the registered address: a read of the record, with its reason
        config: { readLog: { kind: 'child', record: fromParams('id'), reason: fromQuery('reason') } },
        schema: {
          tags,
          summary: 'Đối chiếu với Cơ sở dữ liệu quốc gia về dân cư / check against the national population database',
          params: ChildIdParams,
          querystring: ChildReadQuery,
          response: { 200: Verification },
        },
      },
      async (request) => {
        const actor = authorize(request, childrenPermissions, 'children.verify');
        const outcome = await verifyChild(db, population, actor, request.params.id, request.query.reason);
        if (!outcome) throw notFound();
        return outcome;
      },
    );

    app.post(
      '/api/children/verifications',
      {
        schema: {
          tags,
          summary: 'Đối chiếu cả xã (chạy nền) / verify a commune in bulk (a job)',
          body: z.object({ commune: z.string().regex(/^\d{5}$/) }),
          response: { 202: z.object({ jobId: z.string(), total: z.number() }) },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, childrenPermissions, 'children.verify');
        return reply.status(202).send(await startCommuneVerification(db, population, actor, request.body.commune));
      },
    );

    app.get(
      '/api/children/verifications/:job',
      {
        schema: {
          tags,
          summary: 'Tiến độ đối chiếu cả xã / progress of a bulk verification',
          params: JobParams,
          response: {
            200: z.object({
              id: z.string(),
              communeCode: z.string(),
              status: z.enum(['running', 'done', 'failed']),
              total: z.number(),
              done: z.number(),
              matched: z.number(),
              mismatched: z.number(),
              notFound: z.number(),
              error: z.object({ vi: z.string(), en: z.string() }).nullable(),
            }),
          },
        },
      },
      async (request) => verificationJob(db, authorize(request, childrenPermissions, 'children.verify'), request.params.job),
    );

    app.get(
      '/api/children/duplicates',
      {
        config: { readLog: { kind: 'child_duplicates' } },
        schema: {
          tags,
          summary: 'Các cặp nghi trùng chờ xem xét / pairs awaiting review',
          querystring: z.object({ status: z.enum(['pending', 'merged', 'different']).default('pending') }),
          response: { 200: z.object({ items: z.array(DuplicatePairSchema) }) },
        },
      },
      async (request) => {
        const actor = authorize(request, childrenPermissions, 'children.duplicates');
        return { items: await pairsInState(db, actor, request.query.status, vietnamDate(new Date()), { limit: 200 }) };
      },
    );

    app.post(
      '/api/children/duplicates/:id/merge',
      {
        config: { readLog: { kind: 'child_duplicates', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Gộp hai hồ sơ (giữ lịch sử, có thể hoàn tác) / merge two records (history kept, undoable)',
          params: PairParams,
          body: MergeBody,
          response: { 200: z.object({ kept: z.number(), merged: z.number() }) },
        },
      },
      async (request) =>
        mergePair(db, authorize(request, childrenPermissions, 'children.duplicates'), request.params.id, request.body.keep),
    );

    app.post(
      '/api/children/duplicates/:id/different',
      {
        config: { readLog: { kind: 'child_duplicates', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Đánh dấu là hai trẻ khác nhau / mark as different children',
          params: PairParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await markDifferent(db, authorize(request, childrenPermissions, 'children.duplicates'), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/children/duplicates/:id/undo',
      {
        config: { readLog: { kind: 'child_duplicates', record: fromParams('id'), logAllowed: () => false } },
        schema: { tags, summary: 'Hoàn tác việc gộp / undo a merge', params: PairParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await undoMerge(db, authorize(request, childrenPermissions, 'children.duplicates'), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
