import { casesPermissions, mayTakeOn, scopeOf, vietnamDate } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { forbidden } from '../errors.ts';
import { actorOf, authorize } from '../http/auth.ts';
import { fromParams } from '../http/read-log-hook.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import * as childrenRepo from '../children/repository.ts';
import { childSummary, readSearchText } from '../children/service.ts';
import { activeBirthCutoff } from '../children/dates.ts';
import { exportCase, intake, listCases, readCase, readReporter, takeStep } from './service.ts';
import { addService, referralsFor, respondToService } from './services.ts';
import { caseAccessLog, grantAccess, teamOf, transferCase, updateTeam } from './team.ts';
import { caseOverview } from './overview.ts';
import { caseStatistics, publishCaseFigures } from './statistics.ts';
import {
  CaseIdParams,
  CaseSchema,
  CaseSummarySchema,
  CommuneQuery,
  DoneBody,
  GrantBody,
  IntakeBody,
  IntakeChildrenQuery,
  OverviewSchema,
  ReferralSchema,
  RejectBody,
  ServiceBody,
  ServiceIdParams,
  StepBody,
  TeamBody,
  TransferBody,
} from './schemas.ts';

const tags = ['cases'];
const Created = z.object({ id: z.number() });

/**
 * Child-protection cases: intake, the case and its steps, services and referrals, the team, grants
 * and the access log, the overview. Every read of a case is in the read log (`case`), refusals
 * too; a case the caller has no part in answers 404, as if it did not exist.
 */
export function casesRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/cases',
      {
        config: { readLog: { kind: 'case_list' } },
        schema: {
          tags,
          summary: 'Hồ sơ vụ việc của tôi, hạn gần nhất trước / my cases, nearest clock first',
          response: { 200: z.object({ items: z.array(CaseSummarySchema) }) },
        },
      },
      async (request) => ({ items: await listCases(db, authorize(request, casesPermissions, 'cases.read')) }),
    );

    app.get(
      '/api/cases/overview',
      {
        config: { readLog: { kind: 'case_list', params: ['commune'] } },
        schema: {
          tags,
          summary: 'Tổng hợp theo bước và theo hạn, không nêu tên trẻ / counts per step and clock, no child named',
          querystring: CommuneQuery,
          response: { 200: OverviewSchema },
        },
      },
      async (request) => caseOverview(db, authorize(request, casesPermissions, 'cases.overview'), request.query.commune),
    );

    app.get(
      '/api/cases/intake/children',
      {
        // the search text is never kept: it may be a child's name or ID
        config: { readLog: { kind: 'child_list', params: ['commune'] } },
        schema: {
          tags,
          summary: 'Tìm trẻ em khi tiếp nhận tin báo / find the child while taking a report',
          querystring: IntakeChildrenQuery,
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
        const actor = authorize(request, casesPermissions, 'cases.intake');
        const own = scopeOf(casesPermissions, 'cases.intake', actor) === 'own_commune';
        const commune = own ? (actor.communeCode ?? '') : request.query.commune;
        if (commune && !mayTakeOn(casesPermissions, 'cases.intake', actor, { communeCode: commune })) throw forbidden();
        const today = vietnamDate(new Date());
        const rows = await childrenRepo.listChildren(db, {
          ...readSearchText(request.query.q),
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
      '/api/cases/team',
      {
        schema: {
          tags,
          summary: 'Người có thể phụ trách, giám sát hồ sơ của một xã / who may work on or supervise a commune’s case',
          querystring: CommuneQuery,
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string(), canSupervise: z.boolean() })),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return { items: await teamOf(db, actor, request.query.commune ?? actor.communeCode ?? '') };
      },
    );

    app.get(
      '/api/cases/referrals',
      {
        config: { readLog: { kind: 'case_list' } },
        schema: {
          tags,
          summary: 'Dịch vụ được chuyển đến cơ quan của tôi / services referred to my body',
          response: { 200: z.object({ items: z.array(ReferralSchema) }) },
        },
      },
      async (request) => ({ items: await referralsFor(db, authorize(request, casesPermissions, 'cases.referral')) }),
    );

    app.post(
      '/api/cases',
      {
        schema: {
          tags,
          summary: 'Tiếp nhận tin báo (Mẫu 01) / take a report (form 01)',
          body: IntakeBody,
          response: { 201: Created },
        },
      },
      async (request, reply) => {
        const created = await intake(db, authorize(request, casesPermissions, 'cases.intake'), request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/cases/:id',
      {
        config: { readLog: { kind: 'case', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Một hồ sơ vụ việc: các bước, kế hoạch, dịch vụ / one case: its steps, plan, services',
          params: CaseIdParams,
          response: { 200: CaseSchema },
        },
      },
      async (request) => readCase(db, actorOf(request), request.params.id),
    );

    app.post(
      '/api/cases/:id/steps',
      {
        config: { readLog: { kind: 'case', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Thực hiện một bước / take a step',
          params: CaseIdParams,
          body: StepBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await takeStep(db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/cases/:id/services',
      {
        config: { readLog: { kind: 'case', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Thêm dịch vụ, chuyển gửi cơ quan khác / add a service, refer it to another body',
          params: CaseIdParams,
          body: ServiceBody,
          response: { 201: Created },
        },
      },
      async (request, reply) => reply.status(201).send(await addService(db, actorOf(request), request.params.id, request.body)),
    );

    const respond = (
      path: string,
      summary: string,
      body: z.ZodType | undefined,
      toResponse: (b: unknown) => Parameters<typeof respondToService>[3],
    ) =>
      app.post(
        `/api/cases/services/:serviceId/${path}`,
        {
          // a refusal names the service (and so its case); an answer is the service's own audited write
          config: { readLog: { kind: 'case_service', record: fromParams('serviceId'), logAllowed: () => false } },
          schema: { tags, summary, params: ServiceIdParams, ...(body ? { body } : {}), response: { 204: z.null() } },
        },
        async (request, reply) => {
          await respondToService(db, actorOf(request), request.params.serviceId, toResponse(request.body));
          return reply.status(204).send(null);
        },
      );
    respond('accept', 'Tiếp nhận dịch vụ được chuyển / accept a referral', undefined, () => ({ kind: 'accept' }));
    respond('reject', 'Từ chối kèm lý do / reject with a reason', RejectBody, (b) => ({
      kind: 'reject',
      reason: RejectBody.parse(b).reason,
    }));
    respond('done', 'Hoàn thành kèm kết quả / complete with the outcome', DoneBody, (b) => ({
      kind: 'done',
      outcome: DoneBody.parse(b).outcome,
    }));

    app.patch(
      '/api/cases/:id/team',
      {
        config: { readLog: { kind: 'case', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Phân công người phụ trách, giám sát / assign',
          params: CaseIdParams,
          body: TeamBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await updateTeam(db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/cases/:id/transfer',
      {
        config: { readLog: { kind: 'case', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Chuyển hồ sơ sang xã khác / transfer to another commune',
          params: CaseIdParams,
          body: TransferBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await transferCase(db, actorOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/cases/:id/grants',
      {
        config: { readLog: { kind: 'case', record: fromParams('id'), logAllowed: () => false } },
        schema: {
          tags,
          summary: 'Cấp quyền xem có thời hạn, nêu lý do / grant access for a reason until a date',
          params: CaseIdParams,
          body: GrantBody,
          response: { 201: z.object({ id: z.number(), expiresAt: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await grantAccess(db, authorize(request, casesPermissions, 'cases.grant'), request.params.id, request.body)),
    );

    app.get(
      '/api/cases/:id/access-log',
      {
        config: { readLog: { kind: 'case_readers', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Ai đã xem hồ sơ vụ việc / who read the case',
          params: CaseIdParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  at: z.string(),
                  username: z.string().nullable(),
                  route: z.string(),
                  status: z.number(),
                  reason: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await caseAccessLog(db, actorOf(request), request.params.id) }),
    );

    const PeriodQuery = z.object({
      period: z.string().trim().max(10),
      commune: z
        .string()
        .regex(/^\d{5}$/)
        .optional(),
    });
    app.get(
      '/api/cases/statistics',
      {
        schema: {
          tags,
          summary: 'Thống kê vụ việc theo hình thức xâm hại, giới tính, độ tuổi, hạn luật định / case statistics',
          querystring: PeriodQuery,
        },
      },
      async (request) =>
        caseStatistics(db, authorize(request, casesPermissions, 'cases.statistics'), request.query.period, request.query.commune),
    );

    app.post(
      '/api/cases/statistics/publish',
      {
        schema: {
          tags,
          summary:
            'Ghi số trẻ em bị xâm hại (chỉ tiêu 9) vào số liệu các xã / write indicator 9’s numerator as the communes’ data',
          body: z.object({ period: z.string().trim().max(10) }),
        },
      },
      async (request) => publishCaseFigures(db, authorize(request, casesPermissions, 'cases.publish'), request.body.period),
    );

    app.get(
      '/api/cases/:id/reporter',
      {
        config: { readLog: { kind: 'case', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Người báo tin (bảo mật) / who reported (confidential)',
          params: CaseIdParams,
          response: {
            200: z.object({
              anonymous: z.boolean(),
              name: z.string().nullable(),
              phone: z.string().nullable(),
              relation: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => readReporter(db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/cases/:id/export.json',
      {
        config: { readLog: { kind: 'export', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Xuất dữ liệu hồ sơ vụ việc, ghi người và ngày xuất / export a case, with who and when',
          params: CaseIdParams,
        },
      },
      async (request, reply) => {
        const file = await exportCase(db, actorOf(request), request.params.id);
        return reply
          .header('content-disposition', contentDisposition(`ho-so-${file.case.number}.json`))
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  };
}
