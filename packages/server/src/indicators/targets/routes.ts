import { indicatorsPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { actorOf, authorize } from '../../http/auth.ts';
import {
  BaselineRequestSchema,
  PlanIdParamsSchema,
  PlanMeasureParamsSchema,
  PlanMeasureTargetsReplySchema,
  PlanMeasureTargetsSchema,
  PlanTargetParamsSchema,
  TargetCreateSchema,
  TargetMappingSchema,
  TargetPatchSchema,
} from './schemas.ts';
import { addPlanTarget, patchPlanTarget, removePlanTarget } from './edit-service.ts';
import { planMeasureTargets } from './listing.ts';
import { clearBaseline, remapPlanTargets, setBaseline } from './service.ts';

/** A plan's targets mapped to measures, and their baselines (served here, under the plan's path, because indicators sit above plans in the module order). */
export function targetsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/plans/:id/measure-targets',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Gắn lại chỉ tiêu của kế hoạch với các phép đo / re-map a plan\u2019s targets to measures',
          params: PlanIdParamsSchema,
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
          params: PlanIdParamsSchema,
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
    app.post(
      '/api/plans/:id/targets',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Thêm một chỉ tiêu vào kế hoạch đã lưu / add a target to a saved plan',
          params: PlanIdParamsSchema,
          body: TargetCreateSchema,
          response: { 200: PlanMeasureTargetsReplySchema },
        },
      },
      async (request) =>
        addPlanTarget(db, authorize(request, indicatorsPermissions, 'targets.edit'), request.params.id, request.body),
    );
    app.patch(
      '/api/plans/:id/targets/:target',
      {
        schema: {
          tags: ['indicators'],
          summary:
            'Sửa một chỉ tiêu của kế hoạch (giá trị, so sánh, năm, phép đo, loại) / correct a plan\u2019s target (value, comparison, year, measure, kind)',
          params: PlanTargetParamsSchema,
          body: TargetPatchSchema,
          response: { 200: PlanMeasureTargetsReplySchema },
        },
      },
      async (request) =>
        patchPlanTarget(
          db,
          authorize(request, indicatorsPermissions, 'targets.edit'),
          request.params.id,
          request.params.target,
          request.body,
        ),
    );
    app.delete(
      '/api/plans/:id/targets/:target',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Xóa một chỉ tiêu của kế hoạch / remove a plan\u2019s target',
          params: PlanTargetParamsSchema,
          response: { 200: PlanMeasureTargetsReplySchema },
        },
      },
      async (request) =>
        removePlanTarget(db, authorize(request, indicatorsPermissions, 'targets.edit'), request.params.id, request.params.target),
    );
  };
}
