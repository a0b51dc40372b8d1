import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { entryRoutes } from './entry/routes.ts';
import { exchangeRoutes } from './import/routes.ts';
import { targetsRoutes } from './targets/routes.ts';
import { validationRoutes } from './validation/routes.ts';
import { valuesRoutes } from './values/routes.ts';

/**
 * The indicator module's JSON routes, one plugin per feature sub-folder (the Excel routes, which
 * need the import runner, are registered by app.ts from excel/routes.ts).
 */
export function indicatorsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    for (const feature of [catalogueRoutes, entryRoutes, exchangeRoutes, valuesRoutes, validationRoutes, targetsRoutes]) {
      await fastify.register(feature(db));
    }
  };
}
