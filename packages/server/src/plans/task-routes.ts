import { plansPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { actorOf, authorize } from '../http/auth.ts';
import { todayInVietnam } from './due.ts';
import { planCalendar } from './calendar.ts';
import { listOverdue } from './overdue.ts';
import { recordProgress } from './progress-service.ts';
import {
  OverdueTaskSchema,
  PlanCalendarReplySchema,
  PlanTaskDtoSchema,
  TaskProgressRequestSchema,
  TaskProgressSchema,
} from './schemas.ts';
import { listPlanTasks } from './tasks.ts';

const YearSchema = z.coerce.number().int().min(1990).max(2100);

/** A plan's tasks as each body works them: filtered lists, the calendar, progress and the overdue list. */
export function planTaskRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/plans/:id/tasks',
      {
        schema: {
          tags: ['plans'],
          summary: 'Nhiệm vụ của kế hoạch, lọc theo cơ quan, xã, năm / tasks, by agency, commune, year',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({
            agencyId: z.uuid().optional(),
            communeCode: z
              .string()
              .regex(/^\d{5}$/, 'mã xã 5 chữ số / 5-digit commune code')
              .optional(),
            year: YearSchema.optional(),
            period: z.string().max(20).optional(),
          }),
          response: { 200: z.object({ items: z.array(PlanTaskDtoSchema) }) },
        },
      },
      async (request) => ({
        items: await listPlanTasks(db, actorOf(request).provinceCode, request.params.id, request.query),
      }),
    );

    app.get(
      '/api/plans/:id/calendar',
      {
        schema: {
          tags: ['plans'],
          summary: 'Lịch nhiệm vụ và hạn báo cáo trong năm / task and report calendar of a year',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ year: YearSchema.optional() }),
          response: { 200: PlanCalendarReplySchema },
        },
      },
      async (request) => {
        const year = request.query.year ?? Number(todayInVietnam().slice(0, 4));
        return planCalendar(db, actorOf(request).provinceCode, request.params.id, year);
      },
    );

    app.put(
      '/api/plans/tasks/:taskId/progress',
      {
        schema: {
          tags: ['plans'],
          summary: 'Báo cáo tiến độ nhiệm vụ của một đơn vị trong một kỳ / a body reports progress on a task for a period',
          params: z.object({ taskId: z.uuid() }),
          body: TaskProgressRequestSchema,
          response: { 200: TaskProgressSchema },
        },
      },
      async (request) => recordProgress(db, actorOf(request), request.params.taskId, request.body),
    );

    app.get(
      '/api/plans/overdue',
      {
        schema: {
          tags: ['plans'],
          summary: 'Nhiệm vụ quá hạn của mọi kế hoạch / overdue tasks of all plans',
          response: { 200: z.object({ items: z.array(OverdueTaskSchema) }) },
        },
      },
      async (request) => ({ items: await listOverdue(db, authorize(request, plansPermissions, 'tasks.overdue').provinceCode) }),
    );
  };
}
