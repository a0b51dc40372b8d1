import { indicatorsPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { auditActorOf } from '../audit/session-actor.ts';
import { actorOf, authorize } from '../http/auth.ts';
import { authoriseUpload } from '../http/upload.ts';
import { unitFiguresRead } from '../http/read-log-hook.ts';
import { assertCanReadValuesOf } from './access.ts';
import { storedCatalogue } from './catalogue-store.ts';
import { entryForm, saveValues } from './data-values-service.ts';
import { exportDataValueSet, importDataValueSet } from './import.ts';
import { addLocalIndicator, deleteLocalIndicator } from './local-indicators-service.ts';
import { clearBaseline, planMeasureTargets, remapPlanTargets, setBaseline } from './plan-targets-service.ts';
import {
  BaselineRequestSchema,
  CatalogueReplySchema,
  DataValueSetSchema,
  EntryFormQuerySchema,
  EntryFormSchema,
  ExportQuerySchema,
  ExportSchema,
  ImportReportSchema,
  IndicatorCodeParamsSchema,
  LocalIndicatorDeleteReplySchema,
  LocalIndicatorReplySchema,
  LocalIndicatorRequestSchema,
  MeasureParamsSchema,
  PlanMeasureParamsSchema,
  PlanMeasureTargetsReplySchema,
  PlanMeasureTargetsSchema,
  RankingQuerySchema,
  RankingReplySchema,
  SaveReplySchema,
  SaveValuesSchema,
  TargetMappingSchema,
  TrendQuerySchema,
  TrendReplySchema,
  ValidationQuerySchema,
  ValidationReplySchema,
  ValuesQuerySchema,
  ValuesReplySchema,
} from './schemas.ts';
import { validationRun } from './validation-service.ts';
import { indicatorValues, measureRanking, measureTrendSeries } from './values-service.ts';

/**
 * A dataValueSets document posted as JSON is stored at once, in one transaction: kept small
 * (DataValueSetSchema: 10,000 values) so that it never holds the database for long. Larger sets go
 * as a file to /api/data-values/import-file, which runs them as a job.
 */
const IMPORT_LIMIT = 5 * 1024 * 1024;

export function indicatorsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/data-values',
      {
        config: { readLog: unitFiguresRead(['period', 'dataSet']) },
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

    app.get(
      '/api/indicators/values',
      {
        config: { readLog: unitFiguresRead(['period']) },
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
          querystring: RankingQuerySchema,
          response: { 200: RankingReplySchema },
        },
      },
      async (request) =>
        measureRanking(db, actorOf(request).provinceCode, { measure: request.params.measure, period: request.query.period }),
    );

    app.get(
      '/api/indicators/:measure/trend',
      {
        config: { readLog: unitFiguresRead(['measure', 'type']) },
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
        config: { readLog: unitFiguresRead(['period']) },
        schema: {
          tags: ['indicators'],
          summary:
            'Kiểm tra số liệu một kỳ, toàn tỉnh hoặc một đơn vị (không ghi) / validate one period, the province or one unit (read-only)',
          querystring: ValidationQuerySchema,
          response: { 200: ValidationReplySchema },
        },
      },
      async (request) => {
        const actor = authorize(request, indicatorsPermissions, 'values.read');
        if (request.query.unit !== undefined) await assertCanReadValuesOf(db, actor, request.query.unit);
        return validationRun(db, actor, request.query);
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
      async (request) => remapPlanTargets(db, authorize(request, indicatorsPermissions, 'targets.map'), request.params.id),
    );

    app.get(
      '/api/plans/:id/measure-targets',
      {
        schema: {
          tags: ['indicators'],
          summary:
            'Chỉ tiêu của kế hoạch theo phép đo, với năm gốc và số liệu gợi ý / a plan\u2019s targets by measure, with baselines and suggestions',
          params: z.object({ id: z.uuid() }),
          response: { 200: PlanMeasureTargetsReplySchema },
        },
      },
      // read by everyone signed in in the province, as the plan itself is
      async (request) => planMeasureTargets(db, actorOf(request).provinceCode, request.params.id),
    );

    app.put(
      '/api/plans/:id/measure-targets/:measure/baseline',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Đặt năm gốc và giá trị gốc của một phép đo trong kế hoạch / set a measure\u2019s baseline in a plan',
          params: PlanMeasureParamsSchema,
          body: BaselineRequestSchema,
          response: { 200: PlanMeasureTargetsSchema },
        },
      },
      async (request) =>
        setBaseline(
          db,
          authorize(request, indicatorsPermissions, 'targets.map'),
          request.params.id,
          request.params.measure,
          request.body,
        ),
    );

    app.delete(
      '/api/plans/:id/measure-targets/:measure/baseline',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Xóa số liệu gốc của một phép đo trong kế hoạch / clear a measure\u2019s baseline in a plan',
          params: PlanMeasureParamsSchema,
          response: { 200: PlanMeasureTargetsSchema },
        },
      },
      async (request) =>
        clearBaseline(db, authorize(request, indicatorsPermissions, 'targets.map'), request.params.id, request.params.measure),
    );

    app.get(
      '/api/indicators/catalogue',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Danh mục chỉ tiêu (quốc gia và địa phương) / the indicator catalogue, national and local',
          response: { 200: CatalogueReplySchema },
        },
      },
      async (request) => {
        actorOf(request);
        return (await storedCatalogue(db)).reply;
      },
    );

    app.post(
      '/api/indicators/local',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Thêm chỉ tiêu địa phương (quản trị viên) / add a local indicator (administrator)',
          body: LocalIndicatorRequestSchema,
          response: { 201: LocalIndicatorReplySchema },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, indicatorsPermissions, 'catalogue.edit');
        return reply.status(201).send(await addLocalIndicator(db, actor, request.body));
      },
    );

    app.delete(
      '/api/indicators/local/:code',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Xóa chỉ tiêu địa phương (quản trị viên) / delete a local indicator (administrator)',
          params: IndicatorCodeParamsSchema,
          response: { 200: LocalIndicatorDeleteReplySchema },
        },
      },
      async (request) =>
        deleteLocalIndicator(db, authorize(request, indicatorsPermissions, 'catalogue.edit'), request.params.code),
    );
  };
}
