import { accessPermissions } from '@tre/core';
import { READ_LOG_KINDS, type ReadLogQuery, type ReadLogReply } from '@tre/core/access/read-log';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { authorize } from '../http/auth.ts';
import { readLogPage } from './read-log-service.ts';

const Outcome = z.enum(['allowed', 'refused']);

export const ReadLogQuerySchema = z.object({
  userId: z.uuid().optional(),
  kind: z.enum(READ_LOG_KINDS).optional(),
  recordId: z.string().trim().min(1).max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  outcome: Outcome.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ReadLogEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  ip: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  params: z.record(z.string(), z.string()),
  kind: z.enum(READ_LOG_KINDS),
  recordId: z.string().nullable(),
  status: z.number(),
  outcome: Outcome,
  reason: z.string().nullable(),
});

export const ReadLogReplySchema = z.object({ items: z.array(ReadLogEntrySchema), next: z.number().nullable() });

/**
 * The administrator reads the log; nobody changes it: there is no other route on it, and the table
 * refuses UPDATE, DELETE and TRUNCATE (migration 0007). Reading it is not itself logged (the
 * administrator's screen would fill the log with its own views); a refusal is, like any other.
 */
export function readLogRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/access-log',
      {
        config: { readLog: { kind: 'access_log', logAllowed: () => false } },
        schema: {
          tags: ['access'],
          summary: 'Nhật ký truy cập: ai đã xem gì, và các lần bị từ chối / access log: who read what, and refusals',
          querystring: ReadLogQuerySchema,
          response: { 200: ReadLogReplySchema },
        },
      },
      async (request) => readLogPage(db, authorize(request, accessPermissions, 'readLog.read'), request.query),
    );
  };
}

// ---- the contract: each schema's type is exactly the type in core/access/read-log.ts ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type ContractChecks = [
  Expect<Same<z.infer<typeof ReadLogQuerySchema>, ReadLogQuery>>,
  Expect<Same<z.infer<typeof ReadLogReplySchema>, ReadLogReply>>,
];
