import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { unitFiguresRead } from '../../http/read-log-hook.ts';
import { EntryFormQuerySchema, EntryFormSchema, SaveReplySchema, SaveValuesSchema } from './schemas.ts';
import { entryForm, saveValues } from './service.ts';

/** The entry form of one unit and period: read it, save it. */
export function entryRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/data-values',
      {
        config: { readLog: unitFiguresRead(['period', 'dataSet']) },
        schema: {
          tags: ['indicators'],
          summary: 'Biểu nhập số liệu của một đơn vị, một kỳ / entry form of one unit and period',
          querystring: EntryFormQuerySchema,
          response: { 200: EntryFormSchema },
        },
      },
      async (request) => entryForm(db, actorOf(request), request.query),
    );

    app.put(
      '/api/data-values',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Lưu số liệu của một đơn vị, một kỳ / save figures of one unit and period',
          body: SaveValuesSchema,
          response: { 200: SaveReplySchema },
        },
      },
      async (request) => saveValues(db, actorOf(request), request.body),
    );
  };
}
