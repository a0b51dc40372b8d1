import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { actorOf } from '../http/auth.ts';
import { NotificationIdParams, NotificationListReplySchema, NotificationReadReplySchema } from './schemas.ts';
import { notificationsOf, readAllNotifications, readNotification } from './service.ts';

/**
 * A user's own notifications, for every signed-in role: there is no route to anyone else's, so no
 * permission table is needed — every query is bound to the caller's id.
 */
export function notificationsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Thông báo của tôi (50 mới nhất) và số chưa đọc / my notifications (latest 50) and how many are unread',
          response: { 200: NotificationListReplySchema },
        },
      },
      async (request) => notificationsOf(db, actorOf(request).id),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Đánh dấu một thông báo đã đọc / mark one notification read',
          params: NotificationIdParams,
          response: { 200: NotificationReadReplySchema },
        },
      },
      async (request) => readNotification(db, actorOf(request).id, request.params.id),
    );

    app.post(
      '/api/notifications/read-all',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Đánh dấu mọi thông báo đã đọc / mark every notification read',
          response: { 200: NotificationReadReplySchema },
        },
      },
      async (request) => readAllNotifications(db, actorOf(request).id),
    );
  };
}
