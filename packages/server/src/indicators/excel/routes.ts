import { DATA_SET_KINDS, indicatorsPermissions, PERIOD_TYPE_NAMES } from '@tre/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../errors.ts';
import { actorOf, authorize } from '../../http/auth.ts';
import { fromQuery } from '../../http/read-log-hook.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { FileNameQuerySchema, authoriseUpload } from '../../http/upload.ts';
import { assertMayQueue, enqueueImport } from '../../imports/service.ts';
import { BodyTooLarge } from '../../imports/spool.ts';
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

/** The received upload (streamed to the spool by the parser below); anything else is refused naming the body. */
function receivedFile(request: FastifyRequest): { path: string; size: number } {
  const body = request.body as { path?: unknown; size?: unknown } | undefined;
  if (body && typeof body.path === 'string' && typeof body.size === 'number') return { path: body.path, size: body.size };
  throw invalid(
    'body',
    'Cần gửi nội dung tệp (Content-Type: application/octet-stream)',
    'Send the file content (Content-Type: application/octet-stream)',
  );
}

/** Who may import figures: those who write some unit's figures (each row is then checked against their scope). */

/** Excel in and out for indicator figures: the template, importing a file, the data of a chart. */
export function indicatorExcelRoutes(db: Kysely<Database>, runner: ImportRunner) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    // in this plugin a raw upload is streamed to the spool as it arrives, never held in memory whole
    app.removeContentTypeParser('application/octet-stream');
    app.addContentTypeParser('application/octet-stream', (request, payload, done) => {
      const declared = Number(request.headers['content-length']);
      // the route's own bodyLimit (runner.settings.maxFileBytes): Fastify always sets one
      const limit = request.routeOptions.bodyLimit;
      runner.spool.receive(payload, limit, Number.isFinite(declared) ? declared : undefined).then(
        (file) => done(null, file),
        (e: unknown) => done(e instanceof BodyTooLarge ? Object.assign(new Error(e.message), { statusCode: 413 }) : (e as Error)),
      );
    });

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
