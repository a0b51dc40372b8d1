import { casesPermissions, parseReceivedAt } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../errors.ts';
import { actorOf, authorize } from '../../http/auth.ts';
import {
  CaseDeadlinesSchema,
  DeadlinesQuery,
  OfficeCalendarYearReplySchema,
  OfficeCalendarYearRequestSchema,
  YearParams,
} from './schemas.ts';
import { deadlinesFor, officeYear, replaceYear } from './service.ts';

const tags = ['cases'];

/**
 * A '+' in a query string arrives as a space ("…T15:00:00 07:00") when the caller did not encode it
 * as %2B; the offset is put back rather than refusing the commonest way of writing Vietnam time.
 */
const plusRestored = (text: string) => text.replace(/ (\d{2}:\d{2})$/, '+$1');

/**
 * The public offices' calendar of a year (read by every signed-in user, replaced by the
 * administrator) and the legal deadlines of a case received at a given moment.
 */
export function calendarRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/cases/calendar/:year',
      {
        schema: {
          tags,
          summary:
            'Lịch nghỉ lễ, nghỉ bù, làm bù của cơ quan nhà nước trong năm / the public offices’ days off and weekend days worked',
          params: YearParams,
          response: { 200: OfficeCalendarYearReplySchema },
        },
      },
      async (request) => {
        actorOf(request);
        return officeYear(db, request.params.year);
      },
    );

    app.put(
      '/api/cases/calendar/:year',
      {
        schema: {
          tags,
          summary: 'Thay lịch của một năm (quản trị viên) / replace a year of the calendar (administrator)',
          params: YearParams,
          body: OfficeCalendarYearRequestSchema,
          response: { 200: OfficeCalendarYearReplySchema },
        },
      },
      async (request) =>
        replaceYear(db, authorize(request, casesPermissions, 'cases.calendar'), request.params.year, request.body.days),
    );

    app.get(
      '/api/cases/deadlines',
      {
        schema: {
          tags,
          summary: 'Hạn pháp định của một vụ việc tiếp nhận lúc received (12 giờ, 5 ngày làm việc) / a case’s legal deadlines',
          querystring: DeadlinesQuery,
          response: { 200: CaseDeadlinesSchema },
        },
      },
      async (request) => {
        actorOf(request);
        const receivedAt = parseReceivedAt(plusRestored(request.query.received));
        if (!receivedAt) {
          throw invalid(
            'received',
            'Thời điểm tiếp nhận không hợp lệ: cần dạng 2025-01-24T15:00:00+07:00 (không ghi múi giờ: giờ Việt Nam)',
            'Invalid time received: expected e.g. 2025-01-24T15:00:00+07:00 (no offset: Vietnam time)',
          );
        }
        return deadlinesFor(db, receivedAt);
      },
    );
  };
}
