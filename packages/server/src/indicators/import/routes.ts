import { indicatorsPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { auditActorOf } from '../../audit/session-actor.ts';
import { authorize } from '../../http/auth.ts';
import { authoriseUpload } from '../../http/upload.ts';
import { DataValueSetSchema, ExportQuerySchema, ExportSchema, ImportReportSchema } from './schemas.ts';
import { exportDataValueSet, importDataValueSet } from './service.ts';

/**
 * A dataValueSets document posted as JSON is stored at once, in one transaction: kept small
 * (DataValueSetSchema: 10,000 values) so that it never holds the database for long. Larger sets go
 * as a file to /api/data-values/import-file, which runs them as a job.
 */
const IMPORT_LIMIT = 5 * 1024 * 1024;

/** DHIS2 dataValueSets in and out as JSON (a file of any size goes to /api/data-values/import-file, excel/routes.ts). */
export function exchangeRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/data-values/import',
      {
        bodyLimit: IMPORT_LIMIT,
        onRequest: authoriseUpload(indicatorsPermissions, 'dataValueSets.import'),
        schema: {
          tags: ['indicators'],
          summary: 'Nhập số liệu DHIS2 dataValueSets (JSON) / import DHIS2 dataValueSets JSON',
          body: DataValueSetSchema,
          response: { 200: ImportReportSchema },
        },
      },
      async (request) => {
        const actor = authorize(request, indicatorsPermissions, 'dataValueSets.import');
        return importDataValueSet(
          db,
          { provinceCode: actor.provinceCode, userId: actor.id, audit: auditActorOf(actor) },
          request.body.dataValues,
        );
      },
    );

    app.get(
      '/api/data-values/export',
      {
        config: { readLog: { kind: 'export', params: ['period'] } },
        schema: {
          tags: ['indicators'],
          summary: 'Xuất số liệu dạng DHIS2 dataValueSets / export as DHIS2 dataValueSets',
          querystring: ExportQuerySchema,
          response: { 200: ExportSchema },
        },
      },
      async (request) => {
        const actor = authorize(request, indicatorsPermissions, 'values.export');
        return exportDataValueSet(db, actor.provinceCode, request.query.period);
      },
    );
  };
}
