import { indicatorsPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize } from '../../http/auth.ts';
import { unitFiguresRead } from '../../http/read-log-hook.ts';
import { ValidationQuerySchema, ValidationReplySchema } from './schemas.ts';
import { validationRun } from './service.ts';

/** The validation run of one period. */
export function validationRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/indicators/validation-run',
      {
        config: { readLog: unitFiguresRead(['period']) },
        schema: {
          tags: ['indicators'],
          summary:
            'Kiểm tra số liệu một kỳ, toàn tỉnh hoặc một đơn vị (không ghi) / validate one period, the province or one unit (read-only)',
          querystring: ValidationQuerySchema,
          response: { 200: ValidationReplySchema },
        },
      },
      async (request) => validationRun(db, authorize(request, indicatorsPermissions, 'values.read'), request.query),
    );
  };
}
