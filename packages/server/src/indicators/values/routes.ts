import { indicatorsPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { actorOf, authorize } from '../../http/auth.ts';
import { unitFiguresRead } from '../../http/read-log-hook.ts';
import {
  MeasureParamsSchema,
  RankingQuerySchema,
  RankingReplySchema,
  TrendQuerySchema,
  TrendReplySchema,
  ValuesQuerySchema,
  ValuesReplySchema,
} from './schemas.ts';
import { indicatorValues, measureRanking, measureTrendSeries } from './service.ts';

/** Indicator values of a unit, communes ranked on a measure, a measure over periods. */
export function valuesRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/indicators/values',
      {
        config: { readLog: unitFiguresRead(['period']) },
        schema: {
          tags: ['indicators'],
          summary: 'Giá trị các chỉ tiêu của một đơn vị, một kỳ / indicator values of a unit and period',
          querystring: ValuesQuerySchema,
          response: { 200: ValuesReplySchema },
        },
      },
      async (request) => indicatorValues(db, actorOf(request), request.query),
    );

    app.get(
      '/api/indicators/:measure/units',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Xếp hạng các xã theo một chỉ tiêu / communes ranked on one measure',
          params: MeasureParamsSchema,
          querystring: RankingQuerySchema,
          response: { 200: RankingReplySchema },
        },
      },
      async (request) =>
        measureRanking(db, authorize(request, indicatorsPermissions, 'ranking.read').provinceCode, {
          measure: request.params.measure,
          period: request.query.period,
        }),
    );

    app.get(
      '/api/indicators/:measure/trend',
      {
        config: { readLog: unitFiguresRead(['measure', 'type']) },
        schema: {
          tags: ['indicators'],
          summary: 'Diễn biến một chỉ tiêu qua các kỳ / one measure over periods',
          params: MeasureParamsSchema,
          querystring: TrendQuerySchema,
          response: { 200: TrendReplySchema },
        },
      },
      async (request) => measureTrendSeries(db, actorOf(request), { measure: request.params.measure, ...request.query }),
    );
  };
}
