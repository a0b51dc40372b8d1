import { complaintsPermissions, scopeOf, vietnamDate } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../errors.ts';
import { actorOf, authorize } from '../../http/auth.ts';
import { fromParams } from '../../http/read-log-hook.ts';
import * as childrenRepo from '../../children/repository.ts';
import { childSummary, readSearchText } from '../../children/service.ts';
import { activeBirthCutoff } from '../../children/dates.ts';
import {
  complaintAccessLog,
  intake,
  listComplaints,
  listSettings,
  readComplainant,
  readComplaint,
  takeStep,
  teamOfBody,
  updateSettings,
} from './service.ts';
import { complaintStatistics } from './statistics.ts';
import {
  ChildrenQuery,
  ComplainantSchema,
  ComplaintIdParams,
  ComplaintSchema,
  ComplaintSummarySchema,
  IntakeBody,
  KindParams,
  RulesBody,
  SettingSchema,
  StatisticsQuery,
  StatisticsSchema,
  StepBody,
  TeamQuery,
} from './schemas.ts';

const tags = ['complaints'];

/**
 * Complaints and denunciations about children's rights: intake, the user's list (nearest clock
 * first), the complaint and its steps, who complained (protected), who read it, the clocks' settings,
 * statistics. Every read of a complaint is in the read log (`complaint`), refusals too; a complaint
 * the caller has no part in answers 404, as if it did not exist.
 */
export function complaintsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/complaints',
      {
        config: { readLog: { kind: 'complaint_list' } },
        schema: {
          tags,
          summary: 'Đơn khiếu nại, tố cáo của tôi, hạn gần nhất trước / my complaints, nearest clock first',
          response: { 200: z.object({ items: z.array(ComplaintSummarySchema) }) },
        },
      },
      async (request) => ({ items: await listComplaints(db, authorize(request, complaintsPermissions, 'complaints.read')) }),
    );

    app.get(
      '/api/complaints/statistics',
      {
        config: { readLog: { kind: 'complaint_list', params: ['year', 'commune'] } },
        schema: {
          tags,
          summary: 'Thống kê đơn theo loại, bước, thời hạn; không nêu tên / counts, nobody named',
          querystring: StatisticsQuery,
          response: { 200: StatisticsSchema },
        },
      },
      async (request) =>
        complaintStatistics(
          db,
          authorize(request, complaintsPermissions, 'complaints.statistics'),
          request.query.year,
          request.query.commune,
        ),
    );

    app.get(
      '/api/complaints/settings',
      {
        schema: {
          tags,
          summary: 'Thời hạn luật định đang áp dụng / the clocks’ rules in force',
          response: { 200: z.object({ items: z.array(SettingSchema) }) },
        },
      },
      async (request) => {
        actorOf(request);
        return { items: await listSettings(db) };
      },
    );

    app.put(
      '/api/complaints/settings/:kind',
      {
        schema: {
          tags,
          summary:
            'Sửa thời hạn mặc định (áp dụng cho đơn nhận sau) / change the clocks’ rules (for complaints received from now)',
          params: KindParams,
          body: RulesBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await updateSettings(
          db,
          authorize(request, complaintsPermissions, 'complaints.settings'),
          request.params.kind,
          request.body,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/complaints/intake/children',
      {
        // the search text is never kept: it may be a child's name or ID
        config: { readLog: { kind: 'child_list', params: ['commune'] } },
        schema: {
          tags,
          summary: 'Tìm trẻ em liên quan khi tiếp nhận đơn / find the child concerned while recording a complaint',
          querystring: ChildrenQuery,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.number(),
                  fullName: z.string(),
                  birthDate: z.string(),
                  sex: z.enum(['male', 'female']),
                  communeCode: z.string(),
                  communeName: z.string(),
                  personalIdMasked: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const actor = authorize(request, complaintsPermissions, 'complaints.intake');
        const scope = scopeOf(complaintsPermissions, 'complaints.intake', actor);
        // a commune's officer searches their commune; an agency's officer names the commune; the province's any
        const commune = scope === 'own_commune' ? (actor.communeCode ?? '') : request.query.commune;
        if (scope === 'own_agency' && !commune) {
          throw invalid('commune', 'Chọn xã, phường nơi trẻ cư trú', 'Choose the commune where the child lives');
        }
        // a text with no letter or digit searches nothing: it would list the commune's children
        const search = readSearchText(request.query.q);
        if (!search.personalId && !search.words?.length) {
          throw invalid('q', 'Nhập họ tên hoặc số định danh của trẻ em', "Type the child's name or personal ID");
        }
        const today = vietnamDate(new Date());
        const rows = await childrenRepo.listChildren(db, {
          ...search,
          communeCode: commune,
          activeAfter: activeBirthCutoff(today),
          limit: 20,
          offset: 0,
        });
        return {
          items: rows.map((r) => {
            const s = childSummary(r, today);
            return {
              id: s.id,
              fullName: s.fullName,
              birthDate: s.birthDate,
              sex: s.sex,
              communeCode: s.communeCode,
              communeName: s.communeName,
              personalIdMasked: s.personalIdMasked,
            };
          }),
        };
      },
    );

    app.get(
      '/api/complaints/team',
      {
        schema: {
          tags,
          summary: 'Người có thể giải quyết, giám sát đơn của một cơ quan, xã / who may handle or supervise',
          querystring: TeamQuery,
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string(), canSupervise: z.boolean() })),
            }),
          },
        },
      },
      async (request) => ({ items: await teamOfBody(db, actorOf(request), request.query) }),
    );

    app.post(
      '/api/complaints',
      {
        schema: {
          tags,
          summary: 'Tiếp nhận đơn khiếu nại, tố cáo / record a complaint or denunciation received',
          body: IntakeBody,
          response: { 201: z.object({ id: z.number(), number: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await intake(db, authorize(request, complaintsPermissions, 'complaints.intake'), request.body)),
    );

    app.get(
      '/api/complaints/:id',
      {
        config: { readLog: { kind: 'complaint', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Một đơn: các bước, thời hạn / one complaint: its steps and clocks',
          params: ComplaintIdParams,
          response: { 200: ComplaintSchema },
        },
      },
      async (request) => readComplaint(db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/complaints/:id/complainant',
      {
        config: { readLog: { kind: 'complaint', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Người gửi đơn (bảo mật) / who complained (protected)',
          params: ComplaintIdParams,
          response: { 200: ComplainantSchema },
        },
      },
      async (request) => readComplainant(db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/complaints/:id/steps',
      {
        config: { readLog: { kind: 'complaint', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Thực hiện một bước (thụ lý, gia hạn, giải quyết, trả lời …) / take a step',
          params: ComplaintIdParams,
          body: StepBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await takeStep(db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/complaints/:id/access-log',
      {
        config: { readLog: { kind: 'complaint_readers', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Ai đã xem đơn / who read the complaint',
          params: ComplaintIdParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({ at: z.string(), username: z.string().nullable(), route: z.string(), status: z.number() }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await complaintAccessLog(db, actorOf(request), request.params.id) }),
    );
  };
}
