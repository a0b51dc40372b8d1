import { reportingPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize } from '../../http/auth.ts';
import {
  ContactParams,
  ReportingContactListReplySchema,
  ReportingContactRequestSchema,
  ReportingContactSchema,
} from './schemas.ts';
import { listContacts, setContact } from './service.ts';

/** Where each body's reminders go: read with the round board, set by those who manage rounds. */
export function contactsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/reporting/contacts',
      {
        schema: {
          tags: ['reporting'],
          summary: 'Địa chỉ nhận nhắc báo cáo của mọi cơ quan, xã / where every body’s reminders go',
          response: { 200: ReportingContactListReplySchema },
        },
      },
      async (request) => listContacts(db, authorize(request, reportingPermissions, 'rounds.board')),
    );

    app.put(
      '/api/reporting/contacts/:unitKind/:unitCode',
      {
        schema: {
          tags: ['reporting'],
          summary: 'Đặt địa chỉ thư, thủ trưởng, ngày báo lên thủ trưởng / set a body’s mailbox, head and escalation',
          params: ContactParams,
          body: ReportingContactRequestSchema,
          response: { 200: ReportingContactSchema },
        },
      },
      async (request) =>
        setContact(
          db,
          authorize(request, reportingPermissions, 'rounds.manage'),
          request.params.unitKind,
          request.params.unitCode,
          request.body,
        ),
    );
  };
}
