import { PlanDocumentSchema, plansPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { actorOf, authorize } from '../http/auth.ts';
import { FileNameQuerySchema, UPLOAD_LIMIT, authoriseUpload, uploadedBytes } from '../http/upload.ts';
import { fromParams } from '../http/read-log-hook.ts';
import { patchTask } from './edit-service.ts';
import { planBodyRoutes } from './bodies/routes.ts';
import { exportPlan } from './export.ts';
import { parseUpload } from './parse-upload.ts';
import {
  PlanDetailSchema,
  PlanParseReplySchema,
  PlanSaveRequestSchema,
  PlanSummarySchema,
  PlanTaskDtoSchema,
  TaskPatchSchema,
} from './schemas.ts';
import * as service from './service.ts';

const PlanIdParams = z.object({ id: z.uuid() });

/**
 * Plans are issued to every body: everyone signed in reads them; the standing body and administrators
 * edit (plansPermissions 'plans.edit'). `planSaved` prepares what a save sets going above plans (app.ts hands in
 * the indicators module's planTargetsEffect).
 */
export function plansRoutes(db: Kysely<Database>, planSaved: (db: Kysely<Database>) => Promise<service.PlanSavedEffect>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    await fastify.register(planBodyRoutes(db));

    app.post(
      '/api/plans/parse',
      {
        bodyLimit: UPLOAD_LIMIT,
        onRequest: authoriseUpload(plansPermissions, 'plans.edit'),
        schema: {
          tags: ['plans'],
          summary: 'Đọc tệp kế hoạch (.txt, .docx; application/octet-stream), không lưu / parse a plan file, nothing stored',
          querystring: FileNameQuerySchema,
          response: { 200: PlanParseReplySchema },
        },
      },
      async (request) => {
        const actor = authorize(request, plansPermissions, 'plans.edit');
        return parseUpload(db, actor.provinceCode, request.query.fileName, uploadedBytes(request));
      },
    );

    app.post(
      '/api/plans',
      {
        // a long plan with its source text can pass the 5 MB JSON limit
        bodyLimit: UPLOAD_LIMIT,
        onRequest: authoriseUpload(plansPermissions, 'plans.edit'),
        schema: {
          tags: ['plans'],
          summary: 'Lưu kế hoạch đã rà soát / save a reviewed plan',
          body: PlanSaveRequestSchema,
          response: { 201: PlanDetailSchema },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, plansPermissions, 'plans.edit');
        const id = await service.createPlan(db, service.authorOf(actor), request.body, await planSaved(db));
        return reply.status(201).send(await service.getPlanDetail(db, actor.provinceCode, id));
      },
    );

    app.get(
      '/api/plans',
      {
        schema: {
          tags: ['plans'],
          summary: 'Danh sách kế hoạch / plans',
          response: { 200: z.object({ items: z.array(PlanSummarySchema) }) },
        },
      },
      async (request) => ({ items: await service.listPlanSummaries(db, actorOf(request).provinceCode) }),
    );

    app.get(
      '/api/plans/:id',
      {
        schema: {
          tags: ['plans'],
          summary: 'Một kế hoạch / one plan',
          params: PlanIdParams,
          response: { 200: PlanDetailSchema },
        },
      },
      async (request) => service.getPlanDetail(db, actorOf(request).provinceCode, request.params.id),
    );

    app.delete(
      '/api/plans/:id',
      {
        schema: {
          tags: ['plans'],
          summary: 'Xóa kế hoạch (khi chưa có báo cáo tiến độ) / delete a plan (before any progress is reported)',
          params: PlanIdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.deletePlan(db, authorize(request, plansPermissions, 'plans.edit'), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/plans/:id/export',
      {
        config: { readLog: { kind: 'export', record: fromParams('id') } },
        schema: {
          tags: ['plans'],
          summary: 'Xuất kế hoạch dạng tre.plan/v1 / export as tre.plan/v1',
          params: PlanIdParams,
          response: { 200: PlanDocumentSchema },
        },
      },
      async (request) => exportPlan(db, actorOf(request).provinceCode, request.params.id),
    );

    app.patch(
      '/api/plans/tasks/:taskId',
      {
        schema: {
          tags: ['plans'],
          summary: 'Sửa một nhiệm vụ đã lưu / correct a saved task',
          params: z.object({ taskId: z.uuid() }),
          body: TaskPatchSchema,
          response: { 200: PlanTaskDtoSchema },
        },
      },
      async (request) => patchTask(db, authorize(request, plansPermissions, 'plans.edit'), request.params.taskId, request.body),
    );
  };
}
