import { opinionsPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { actorOf, authorize } from '../../http/auth.ts';
import { fromParams } from '../../http/read-log-hook.ts';
import {
  addOpinion,
  answerOpinion,
  createEvent,
  feedBack,
  inbox,
  listEvents,
  overdueFor,
  readEvent,
  readParticipants,
  readSettings,
  sendOpinion,
  unansweredBy,
  updateSettings,
} from './service.ts';
import { participationStatistics, publishParticipation } from './statistics.ts';
import {
  AnswerBody,
  CommuneQuery,
  EventBody,
  EventSchema,
  EventSummarySchema,
  EventsQuery,
  FeedBackBody,
  IdParams,
  OpinionBody,
  OpinionSchema,
  OverdueSchema,
  ParticipantSchema,
  PublishBody,
  PublishSchema,
  SendBody,
  SettingsBody,
  SettingsSchema,
  StatisticsQuery,
  StatisticsSchema,
  UnitParams,
} from './schemas.ts';

const tags = ['voices'];
const Created = z.object({ id: z.number() });
const Done = z.object({ ok: z.literal(true) });

/**
 * Children's opinions and forums: events with their counts, the names kept with consent (read
 * logged), opinions raised, sent, answered by the addressed body and fed back, the overdue list,
 * the answer days, and indicators 22–24's figures.
 */
export function opinionsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/voices/events',
      {
        schema: {
          tags,
          summary:
            'Ghi nhận hoạt động lấy ý kiến, diễn đàn, họp Hội đồng trẻ em / record a consultation, forum or council meeting',
          body: EventBody,
          response: { 201: Created },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, opinionsPermissions, 'opinions.record');
        return reply.status(201).send({ id: await createEvent(db, actor, request.body) });
      },
    );

    app.get(
      '/api/voices/events',
      {
        schema: {
          tags,
          summary: 'Các hoạt động / events',
          querystring: EventsQuery,
          response: { 200: z.object({ items: z.array(EventSummarySchema) }) },
        },
      },
      async (request) => ({
        items: await listEvents(db, authorize(request, opinionsPermissions, 'opinions.read'), request.query),
      }),
    );

    app.get(
      '/api/voices/events/:id',
      {
        schema: {
          tags,
          summary: 'Một hoạt động và các ý kiến / an event and its opinions',
          params: IdParams,
          response: { 200: EventSchema },
        },
      },
      async (request) => readEvent(db, authorize(request, opinionsPermissions, 'opinions.read'), request.params.id),
    );

    app.get(
      '/api/voices/events/:id/participants',
      {
        config: { readLog: { kind: 'voice_participants', record: fromParams('id') } },
        schema: {
          tags,
          summary: 'Tên trẻ em tham gia (có sự đồng ý) / names of the children who took part (with consent)',
          params: IdParams,
          response: { 200: z.object({ items: z.array(ParticipantSchema) }) },
        },
      },
      async (request) => ({
        items: await readParticipants(db, authorize(request, opinionsPermissions, 'opinions.names'), request.params.id),
      }),
    );

    app.post(
      '/api/voices/events/:id/opinions',
      {
        schema: {
          tags,
          summary: 'Ý kiến, kiến nghị của trẻ em / an opinion raised',
          params: IdParams,
          body: OpinionBody,
          response: { 201: Created },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, opinionsPermissions, 'opinions.record');
        return reply.status(201).send({ id: await addOpinion(db, actor, request.params.id, request.body) });
      },
    );

    app.post(
      '/api/voices/opinions/:id/send',
      {
        schema: {
          tags,
          summary: 'Gửi ý kiến đến cơ quan / send to the body',
          params: IdParams,
          body: SendBody,
          response: { 200: Done },
        },
      },
      async (request) => {
        await sendOpinion(db, authorize(request, opinionsPermissions, 'opinions.record'), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/voices/opinions/:id/answer',
      {
        schema: {
          tags,
          summary: 'Trả lời của cơ quan nhận / the body’s answer',
          params: IdParams,
          body: AnswerBody,
          response: { 200: Done },
        },
      },
      async (request) => {
        await answerOpinion(db, authorize(request, opinionsPermissions, 'opinions.answer'), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/voices/opinions/:id/feedback',
      {
        schema: {
          tags,
          summary: 'Đã phản hồi cho trẻ em / the answer given back to the children',
          params: IdParams,
          body: FeedBackBody,
          response: { 200: Done },
        },
      },
      async (request) => {
        await feedBack(db, authorize(request, opinionsPermissions, 'opinions.record'), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/voices/inbox',
      {
        schema: {
          tags,
          summary: 'Ý kiến trẻ em gửi đến cơ quan tôi, chưa trả lời / opinions addressed to my body, unanswered',
          response: { 200: z.object({ items: z.array(OpinionSchema) }) },
        },
      },
      async (request) => ({ items: await inbox(db, authorize(request, opinionsPermissions, 'opinions.answer')) }),
    );

    app.get(
      '/api/voices/unanswered/:unit',
      {
        schema: {
          tags,
          summary: 'Ý kiến trẻ em một đơn vị báo cáo chưa trả lời / opinions a reporting unit has not answered',
          params: UnitParams,
          response: { 200: z.object({ items: z.array(OpinionSchema) }) },
        },
      },
      async (request) => ({ items: await unansweredBy(db, actorOf(request), request.params.unit) }),
    );

    app.get(
      '/api/voices/overdue',
      {
        schema: {
          tags,
          summary: 'Ý kiến quá hạn trả lời / opinions past their answer date',
          querystring: CommuneQuery,
          response: { 200: OverdueSchema },
        },
      },
      async (request) => overdueFor(db, authorize(request, opinionsPermissions, 'opinions.overdue'), request.query.commune),
    );

    app.get(
      '/api/voices/settings',
      { schema: { tags, summary: 'Thời hạn trả lời ý kiến / the answer days', response: { 200: SettingsSchema } } },
      async (request) => readSettings(db, actorOf(request).provinceCode),
    );

    app.put(
      '/api/voices/settings',
      {
        schema: {
          tags,
          summary: 'Đặt thời hạn trả lời / set the answer days',
          body: SettingsBody,
          response: { 200: SettingsSchema },
        },
      },
      async (request) =>
        updateSettings(db, authorize(request, opinionsPermissions, 'opinions.settings'), request.body.answerDays),
    );

    app.get(
      '/api/voices/statistics',
      {
        schema: {
          tags,
          summary: 'Số lượt trẻ em tham gia theo chỉ tiêu 22–24 / participations for indicators 22–24',
          querystring: StatisticsQuery,
          response: { 200: StatisticsSchema },
        },
      },
      async (request) =>
        participationStatistics(
          db,
          authorize(request, opinionsPermissions, 'opinions.statistics'),
          request.query.period,
          request.query.commune,
        ),
    );

    app.post(
      '/api/voices/statistics/publish',
      {
        schema: {
          tags,
          summary: 'Ghi số liệu chỉ tiêu 22–24 / write indicators 22–24’s data values',
          body: PublishBody,
          response: { 200: PublishSchema },
        },
      },
      async (request) =>
        publishParticipation(db, authorize(request, opinionsPermissions, 'opinions.publish'), request.body.period),
    );
  };
}
