import { DATA_SET_KINDS, PERIOD_TYPE_NAMES, Role } from '@tre/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { TreError, invalid } from '../errors.ts';
import { actorOf, requireRole } from '../http/auth.ts';
import { auditActorOf, type SessionActor } from '../access/session-actor.ts';
import { FileNameQuerySchema } from '../plans/routes.ts';
import { assertCanWrite } from './access.ts';
import { chartFile } from './chart-export.ts';
import { XLSX_TYPE, contentDisposition, type XlsxFile } from './excel-common.ts';
import { importUploadedFile } from './excel-import.ts';
import { templateFile } from './excel-template.ts';
import type { ImportUnit } from './import.ts';
import { ImportReportSchema } from './schemas.ts';

/** A whole province's figures for several years, as .xlsx or .json, runs to tens of MB. */
export const IMPORT_FILE_LIMIT = 50 * 1024 * 1024;

const Period = z.string().trim().min(4).max(7);
const UnitCode = z.string().trim().min(2).max(36);

const TemplateQuerySchema = z.object({ period: Period, dataSet: z.enum(DATA_SET_KINDS), unit: UnitCode.optional() });

const ChartQuerySchema = z.object({
  view: z.enum(['overview', 'trend', 'ranking']),
  period: Period.optional(),
  unit: UnitCode.optional(),
  measure: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/)
    .optional(),
  type: z.enum(PERIOD_TYPE_NAMES).optional(),
  lang: z.enum(['vi', 'en']).default('vi'),
});

function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

/** The raw bytes of the upload; an empty body is an empty file (refused by the reader as unreadable). */
function uploadedFile(request: FastifyRequest): Buffer {
  const body = request.body;
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  throw invalid(
    'body',
    'Cần gửi nội dung tệp (Content-Type: application/octet-stream)',
    'Send the file content (Content-Type: application/octet-stream)',
  );
}

/** Whether the caller may write a unit's figures (access.ts decides; its refusal becomes a rejected row). */
function writableBy(actor: SessionActor) {
  return (unit: ImportUnit): boolean => {
    try {
      assertCanWrite(actor, { ...unit, name: unit.code });
      return true;
    } catch (e) {
      if (e instanceof TreError) return false;
      throw e;
    }
  };
}

/** Excel in and out for indicator figures: the template, importing a file, the data of a chart. */
export function indicatorExcelRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/data-values/template.xlsx',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Mẫu Excel nhập số liệu, có sẵn số đã lưu / Excel template of figures, filled with what is stored',
          querystring: TemplateQuerySchema,
        },
      },
      async (request, reply) => sendXlsx(reply, await templateFile(db, actorOf(request), request.query)),
    );

    app.post(
      '/api/data-values/import-file',
      {
        bodyLimit: IMPORT_FILE_LIMIT,
        schema: {
          tags: ['indicators'],
          summary:
            'Nhập tệp số liệu: mẫu Excel (.xlsx) hoặc DHIS2 dataValueSets (.json), application/octet-stream / import a figures file',
          querystring: FileNameQuerySchema,
          response: { 200: ImportReportSchema },
        },
      },
      async (request) => {
        const actor = requireRole(request, Role.Admin, Role.ProvincialOfficer, Role.CommuneOfficer, Role.AgencyReporter);
        return importUploadedFile(
          db,
          {
            provinceCode: actor.provinceCode,
            userId: actor.id,
            audit: auditActorOf(actor),
            fileName: request.query.fileName,
            mayWrite: writableBy(actor),
          },
          request.query.fileName,
          uploadedFile(request),
        );
      },
    );

    app.get(
      '/api/indicators/chart.xlsx',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Số liệu của một biểu đồ dạng Excel / the data of one chart as Excel',
          querystring: ChartQuerySchema,
        },
      },
      async (request, reply) => sendXlsx(reply, await chartFile(db, actorOf(request), request.query)),
    );
  };
}
