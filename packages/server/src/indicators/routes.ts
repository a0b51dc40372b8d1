import { Role } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { actorOf, requireRole } from '../http/auth.ts';
import { auditActorOf } from '../access/session-actor.ts';
import { getPlan } from '../plans/service.ts';
import { assertCanReadValuesOf, PROVINCE_EDITORS } from './access.ts';
import { catalogueIndex } from './catalogue-store.ts';
import { entryForm, saveValues } from './data-values-service.ts';
import { exportDataValueSet, importDataValueSet } from './import.ts';
import { syncMeasureTargets } from './plan-targets.ts';
import {
  DataValueSetSchema,
  EntryFormQuerySchema,
  EntryFormSchema,
  ExportQuerySchema,
  ExportSchema,
  ImportReportSchema,
  MeasureParamsSchema,
  RankingReplySchema,
  SaveReplySchema,
  SaveValuesSchema,
  TargetMappingSchema,
  TrendQuerySchema,
  TrendReplySchema,
  ValidationReplySchema,
  ValuesQuerySchema,
  ValuesReplySchema,
} from './schemas.ts';
import { validationRun } from './validation-service.ts';
import { indicatorValues, measureRanking, measureTrendSeries } from './values-service.ts';
import { recordAudit } from '../access/audit.ts';

/** A dataValueSets file of a whole province for several years runs to tens of MB. */
const IMPORT_LIMIT = 50 * 1024 * 1024;

export function indicatorsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/data-values',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Biểu nhập số liệu của một đơn vị, một kỳ / entry form of one unit and period',
          querystring: EntryFormQuerySchema,
          response: { 200: EntryFormSchema },
        },
      },
      async (request) => entryForm(db, actorOf(request), request.query),
    );

    app.put(
      '/api/data-values',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Lưu số liệu của một đơn vị, một kỳ / save figures of one unit and period',
          body: SaveValuesSchema,
          response: { 200: SaveReplySchema },
        },
      },
      async (request) => saveValues(db, actorOf(request), request.body),
    );

    app.post(
      '/api/data-values/import',
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags: ['indicators'],
          summary: 'Nhập số liệu DHIS2 dataValueSets (JSON) / import DHIS2 dataValueSets JSON',
          body: DataValueSetSchema,
          response: { 200: ImportReportSchema },
        },
      },
      async (request) => {
        const actor = requireRole(request, ...PROVINCE_EDITORS);
        return importDataValueSet(
          db,
          { provinceCode: actor.provinceCode, userId: actor.id, audit: auditActorOf(actor), fileName: null },
          request.body.dataValues,
        );
      },
    );

    app.get(
      '/api/data-values/export',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Xuất số liệu dạng DHIS2 dataValueSets / export as DHIS2 dataValueSets',
          querystring: ExportQuerySchema,
          response: { 200: ExportSchema },
        },
      },
      async (request) => {
        const actor = requireRole(request, Role.Admin, Role.ProvincialOfficer, Role.Viewer);
        return exportDataValueSet(db, actor.provinceCode, request.query.period);
      },
    );

    app.get(
      '/api/indicators/values',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Giá trị các chỉ tiêu của một đơn vị, một kỳ / indicator values of a unit and period',
          querystring: ValuesQuerySchema,
          response: { 200: ValuesReplySchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await assertCanReadValuesOf(db, actor, request.query.unit);
        return indicatorValues(db, actor.provinceCode, request.query);
      },
    );

    app.get(
      '/api/indicators/:measure/units',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Xếp hạng các xã theo một chỉ tiêu / communes ranked on one measure',
          params: MeasureParamsSchema,
          querystring: z.object({ period: z.string().trim().min(4).max(7) }),
          response: { 200: RankingReplySchema },
        },
      },
      async (request) =>
        measureRanking(db, actorOf(request).provinceCode, { measure: request.params.measure, period: request.query.period }),
    );

    app.get(
      '/api/indicators/:measure/trend',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Diễn biến một chỉ tiêu qua các kỳ / one measure over periods',
          params: MeasureParamsSchema,
          querystring: TrendQuerySchema,
          response: { 200: TrendReplySchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await assertCanReadValuesOf(db, actor, request.query.unit);
        return measureTrendSeries(db, actor.provinceCode, { measure: request.params.measure, ...request.query });
      },
    );

    app.post(
      '/api/indicators/validation-run',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Kiểm tra số liệu một kỳ (không ghi) / validate one period (read-only)',
          querystring: z.object({ period: z.string().trim().min(4).max(7) }),
          response: { 200: ValidationReplySchema },
        },
      },
      async (request) => {
        const actor = requireRole(
          request,
          Role.Admin,
          Role.ProvincialOfficer,
          Role.Viewer,
          Role.CommuneOfficer,
          Role.AgencyReporter,
        );
        return validationRun(db, actor, request.query.period);
      },
    );

    app.post(
      '/api/plans/:id/measure-targets',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Gắn lại chỉ tiêu của kế hoạch với các phép đo / re-map a plan\u2019s targets to measures',
          params: z.object({ id: z.uuid() }),
          response: { 200: TargetMappingSchema },
        },
      },
      async (request) => {
        const actor = requireRole(request, ...PROVINCE_EDITORS);
        await getPlan(db, actor.provinceCode, request.params.id);
        const index = await catalogueIndex(db);
        return db.transaction().execute(async (trx) => {
          const mapping = await syncMeasureTargets(trx, index, request.params.id);
          await recordAudit(trx, auditActorOf(actor), {
            action: 'update',
            entity: 'measure_target',
            entityId: request.params.id,
            after: { mapped: mapping.mapped.length, unmapped: mapping.unmapped.length },
          });
          return mapping;
        });
      },
    );
  };
}
