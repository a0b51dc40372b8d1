import { reportingPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { authorize } from '../../http/auth.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { fromParams } from '../../http/read-log-hook.ts';
import { ReportBuildSchema, ReportDraftSchema, RoundIdParams, SaveReportDraftSchema } from '../schemas.ts';
import { buildReport, getReportDraft, listReportBuilds, reportFile, resetReportDraft, saveReportDraft } from './service.ts';

const tags = ['reporting'];

/** The consolidated report of a round: its text to edit, building it, the documents built. */
export function consolidatedReportRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/rounds/:id/report',
      {
        schema: {
          tags,
          summary: 'Nội dung báo cáo tổng hợp để sửa / the report’s text to edit',
          params: RoundIdParams,
          response: { 200: ReportDraftSchema },
        },
      },
      async (request) => getReportDraft(db, authorize(request, reportingPermissions, 'reports.build'), request.params.id),
    );
    app.put(
      '/api/rounds/:id/report',
      {
        schema: {
          tags,
          summary: 'Lưu nội dung đã sửa / save the edited text',
          params: RoundIdParams,
          body: SaveReportDraftSchema,
          response: { 200: ReportDraftSchema },
        },
      },
      async (request) =>
        saveReportDraft(db, authorize(request, reportingPermissions, 'reports.build'), request.params.id, request.body),
    );
    app.delete(
      '/api/rounds/:id/report',
      {
        schema: {
          tags,
          summary: 'Tổng hợp lại từ các báo cáo / assemble afresh',
          params: RoundIdParams,
          response: { 200: ReportDraftSchema },
        },
      },
      async (request) => resetReportDraft(db, authorize(request, reportingPermissions, 'reports.build'), request.params.id),
    );
    app.post(
      '/api/rounds/:id/report/builds',
      {
        schema: {
          tags,
          summary: 'Dựng báo cáo .docx, .xlsx, PDF / build the documents',
          params: RoundIdParams,
          response: { 201: ReportBuildSchema },
        },
      },
      async (request, reply) => {
        const built = await buildReport(db, authorize(request, reportingPermissions, 'reports.build'), request.params.id);
        return reply.status(201).send(built.build);
      },
    );
    app.get(
      '/api/rounds/:id/report/builds',
      {
        schema: {
          tags,
          summary: 'Các bản báo cáo đã dựng / the documents built',
          params: RoundIdParams,
          response: { 200: z.object({ items: z.array(ReportBuildSchema) }) },
        },
      },
      async (request) => ({
        items: await listReportBuilds(db, authorize(request, reportingPermissions, 'reports.read'), request.params.id),
      }),
    );
    app.get(
      '/api/rounds/:id/report/builds/:build/:format',
      {
        config: { readLog: { kind: 'export', record: fromParams('build'), params: ['format'] } },
        schema: {
          tags,
          summary: 'Tải bản báo cáo / download a document built',
          params: z.object({ id: z.uuid(), build: z.uuid(), format: z.enum(['docx', 'xlsx', 'pdf']) }),
        },
      },
      async (request, reply) => {
        const actor = authorize(request, reportingPermissions, 'reports.read');
        const file = await reportFile(db, actor, request.params.id, request.params.build, request.params.format);
        return reply.type(file.mediaType).header('content-disposition', contentDisposition(file.fileName)).send(file.bytes);
      },
    );
  };
}
