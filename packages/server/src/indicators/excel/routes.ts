import { DATA_SET_KINDS, indicatorsPermissions, PERIOD_TYPE_NAMES } from '@tre/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { actorOf, authorize } from '../../http/auth.ts';
import { fromQuery } from '../../http/read-log-hook.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { FileNameQuerySchema, authoriseUpload } from '../../http/upload.ts';
import { assertMayQueue, enqueueImport } from '../../imports/service.ts';
import { receivedFile, streamUploadsToSpool } from '../../imports/spooled-upload.ts';
import type { ImportRunner } from '../../imports/runner.ts';
import { ImportJobSchema } from '../../imports/schemas.ts';
import { chartFile } from './chart.ts';
import { XLSX_TYPE, type XlsxFile } from './common.ts';
import { templateFile } from './template.ts';
import { MeasureCode, Period, UnitCode } from '../schemas.ts';

const TemplateQuerySchema = z.object({ period: Period, dataSet: z.enum(DATA_SET_KINDS), unit: UnitCode.optional() });

const ChartQuerySchema = z.object({
  view: z.enum(['overview', 'trend', 'ranking']),
  period: Period.optional(),
  unit: UnitCode.optional(),
  measure: MeasureCode.optional(),
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

/** Excel in and out for indicator figures: the template, importing a file, the data of a chart. */
export function indicatorExcelRoutes(db: Kysely<Database>, runner: ImportRunner) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    streamUploadsToSpool(app, runner);

    app.get(
      '/api/data-values/template.xlsx',
      {
        // filled with the stored figures: a read of the unit's (or every commune's) raw figures
        config: { readLog: { kind: 'template', record: fromQuery('unit'), params: ['period', 'dataSet'] } },
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
        bodyLimit: runner.settings.maxFileBytes,
        onRequest: [
          authoriseUpload(indicatorsPermissions, 'values.write'),
          // too many of the uploader's files already waiting: refused before this one is read
          async (request) => assertMayQueue(db, authorize(request, indicatorsPermissions, 'values.write')),
        ],
        schema: {
          tags: ['indicators'],
          summary:
            'Nhập tệp số liệu: mẫu Excel (.xlsx) hoặc DHIS2 dataValueSets (.json), application/octet-stream; trả về việc nhập (202) / import a figures file as a job',
          querystring: FileNameQuerySchema,
          response: { 202: ImportJobSchema },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, indicatorsPermissions, 'values.write');
        const job = await enqueueImport(
          db,
          runner,
          { actor, provinceCode: actor.provinceCode, name: actor.username },
          'data_values',
          request.query.fileName,
          receivedFile(request),
        );
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/api/indicators/chart.xlsx',
      {
        config: { readLog: { kind: 'export', record: fromQuery('unit'), params: ['view', 'period', 'measure', 'type'] } },
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
