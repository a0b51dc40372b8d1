import { indicatorsPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { actorOf, authorize } from '../../http/auth.ts';
import { addLocalIndicator, deleteLocalIndicator } from './local-indicators.ts';
import {
  IndicatorCodeParamsSchema,
  LocalIndicatorDeleteReplySchema,
  LocalIndicatorReplySchema,
  LocalIndicatorRequestSchema,
  CatalogueReplySchema,
} from './schemas.ts';
import { storedCatalogue } from './store.ts';

/** The indicator catalogue, and the local indicators an administrator adds or deletes. */
export function catalogueRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/indicators/catalogue',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Danh mục chỉ tiêu (quốc gia và địa phương) / the indicator catalogue, national and local',
          response: { 200: CatalogueReplySchema },
        },
      },
      async (request) => {
        actorOf(request);
        return (await storedCatalogue(db)).reply;
      },
    );

    app.post(
      '/api/indicators/local',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Thêm chỉ tiêu địa phương (quản trị viên) / add a local indicator (administrator)',
          body: LocalIndicatorRequestSchema,
          response: { 201: LocalIndicatorReplySchema },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, indicatorsPermissions, 'catalogue.edit');
        return reply.status(201).send(await addLocalIndicator(db, actor, request.body));
      },
    );

    app.delete(
      '/api/indicators/local/:code',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Xóa chỉ tiêu địa phương (quản trị viên) / delete a local indicator (administrator)',
          params: IndicatorCodeParamsSchema,
          response: { 200: LocalIndicatorDeleteReplySchema },
        },
      },
      async (request) =>
        deleteLocalIndicator(db, authorize(request, indicatorsPermissions, 'catalogue.edit'), request.params.code),
    );
  };
}
