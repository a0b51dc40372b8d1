import { reportingPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { actorOf, authorize } from '../http/auth.ts';
import { fromParams } from '../http/read-log-hook.ts';
import { listRoundSummaries, roundBoard } from './board/service.ts';
import { myRounds } from './board/mine.ts';
import { adjustBodies, getRound, openRound, updateRound } from './rounds/service.ts';
import { remindersOfRound } from './reminders/repository.ts';
import { readSubmission } from './submissions/service.ts';
import {
  acceptSubmission,
  reopenSubmission,
  returnSubmission,
  saveSubmission,
  submitSubmission,
} from './submissions/workflow.ts';
import {
  OpenRoundSchema,
  ReopenSubmissionSchema,
  ReturnSubmissionSchema,
  RoundBoardSchema,
  RoundBodiesSchema,
  RoundIdParams,
  RoundReminderSchema,
  RoundSchema,
  RoundSummarySchema,
  SaveSubmissionSchema,
  SubmissionParams,
  SubmissionSchema,
  UpdateRoundSchema,
} from './schemas.ts';

const tags = ['reporting'];

/** Rounds, the board and submissions. Each route: validate, authorise through the permission table, call the service. */
export function reportingRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/rounds',
      {
        schema: {
          tags,
          summary: 'Các đợt báo cáo và số đếm / reporting rounds with their counts',
          response: { 200: z.object({ items: z.array(RoundSummarySchema) }) },
        },
      },
      async (request) => ({ items: await listRoundSummaries(db, authorize(request, reportingPermissions, 'rounds.board')) }),
    );

    app.get(
      '/api/rounds/mine',
      {
        schema: {
          tags,
          summary: 'Các đợt báo cáo đơn vị của tôi phải nộp / the rounds my body owes',
          response: { 200: z.object({ items: z.array(RoundSummarySchema) }) },
        },
      },
      async (request) => ({ items: await myRounds(db, actorOf(request)) }),
    );

    app.post(
      '/api/rounds',
      {
        schema: {
          tags,
          summary: 'Mở đợt báo cáo / open a reporting round',
          body: OpenRoundSchema,
          response: { 201: RoundSchema },
        },
      },
      async (request, reply) => {
        const round = await openRound(db, authorize(request, reportingPermissions, 'rounds.manage'), request.body);
        return reply.status(201).send(round);
      },
    );

    app.get(
      '/api/rounds/:id',
      {
        schema: {
          tags,
          summary: 'Bảng theo dõi đợt báo cáo / the round board',
          params: RoundIdParams,
          response: { 200: RoundBoardSchema },
        },
      },
      async (request) => roundBoard(db, authorize(request, reportingPermissions, 'rounds.board'), request.params.id),
    );

    app.get(
      '/api/rounds/:id/reminders',
      {
        schema: {
          tags,
          summary: 'Nhật ký nhắc báo cáo của đợt / the round’s reminder log',
          params: RoundIdParams,
          response: { 200: z.object({ items: z.array(RoundReminderSchema) }) },
        },
      },
      async (request) => {
        const actor = authorize(request, reportingPermissions, 'rounds.board');
        await getRound(db, actor.provinceCode, request.params.id);
        return { items: await remindersOfRound(db, request.params.id) };
      },
    );

    app.patch(
      '/api/rounds/:id',
      {
        schema: {
          tags,
          summary: 'Sửa hạn, nhắc nhở; đóng hoặc mở lại đợt / change deadline, reminders; close or reopen',
          params: RoundIdParams,
          body: UpdateRoundSchema,
          response: { 200: RoundSchema },
        },
      },
      async (request) =>
        updateRound(db, authorize(request, reportingPermissions, 'rounds.manage'), request.params.id, request.body),
    );

    app.put(
      '/api/rounds/:id/bodies',
      {
        schema: {
          tags,
          summary: 'Thêm, bớt đơn vị phải báo cáo / add or remove bodies owing the round',
          params: RoundIdParams,
          body: RoundBodiesSchema,
          response: { 200: RoundSchema },
        },
      },
      async (request) =>
        adjustBodies(db, authorize(request, reportingPermissions, 'rounds.manage'), request.params.id, request.body),
    );

    const submission = { tags, params: SubmissionParams, response: { 200: SubmissionSchema } };
    // a submission holds the body's figures: read as the entry form is (the read log's unit_values)
    const record = { readLog: { kind: 'unit_values' as const, record: fromParams('unit'), params: ['id'] } };

    app.get(
      '/api/rounds/:id/submissions/:unit',
      { config: record, schema: { ...submission, summary: 'Báo cáo của một đơn vị / one body’s submission' } },
      async (request) =>
        readSubmission(db, authorize(request, reportingPermissions, 'submissions.read'), request.params.id, request.params.unit),
    );
    app.put(
      '/api/rounds/:id/submissions/:unit',
      { schema: { ...submission, summary: 'Lưu nháp / save the draft', body: SaveSubmissionSchema } },
      async (request) =>
        saveSubmission(
          db,
          authorize(request, reportingPermissions, 'submissions.edit'),
          request.params.id,
          request.params.unit,
          request.body,
        ),
    );
    app.post(
      '/api/rounds/:id/submissions/:unit/submit',
      { schema: { ...submission, summary: 'Gửi báo cáo / submit' } },
      async (request) =>
        submitSubmission(
          db,
          authorize(request, reportingPermissions, 'submissions.edit'),
          request.params.id,
          request.params.unit,
        ),
    );
    app.post(
      '/api/rounds/:id/submissions/:unit/return',
      { schema: { ...submission, summary: 'Trả lại kèm ý kiến / return with comments', body: ReturnSubmissionSchema } },
      async (request) =>
        returnSubmission(
          db,
          authorize(request, reportingPermissions, 'submissions.review'),
          request.params.id,
          request.params.unit,
          request.body,
        ),
    );
    app.post(
      '/api/rounds/:id/submissions/:unit/accept',
      { schema: { ...submission, summary: 'Chấp nhận, khóa số liệu / accept, locking the figures' } },
      async (request) =>
        acceptSubmission(
          db,
          authorize(request, reportingPermissions, 'submissions.review'),
          request.params.id,
          request.params.unit,
        ),
    );
    app.post(
      '/api/rounds/:id/submissions/:unit/reopen',
      {
        schema: {
          ...submission,
          summary: 'Mở lại báo cáo đã chấp nhận / reopen an accepted report',
          body: ReopenSubmissionSchema,
        },
      },
      async (request) =>
        reopenSubmission(
          db,
          authorize(request, reportingPermissions, 'submissions.review'),
          request.params.id,
          request.params.unit,
          request.body,
        ),
    );
  };
}
