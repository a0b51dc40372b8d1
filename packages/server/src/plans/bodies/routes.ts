import { plansPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { authorize } from '../../http/auth.ts';
import { BodyDecisionReplySchema, BodyDecisionSchema, UndecidedLeadsSchema } from '../schemas.ts';
import { decideBodyInPlan, listUndecidedLeads } from './service.ts';

/**
 * The bodies a plan names: one decision for a name and its similar names across a saved plan
 * (remembered for the province's next plans), and the tasks whose lead is still to be decided.
 */
export function planBodyRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.put(
      '/api/plans/:id/bodies',
      {
        schema: {
          tags: ['plans'],
          summary:
            'Xác định một cơ quan và các tên tương tự trong toàn kế hoạch, ghi nhớ cho các kế hoạch sau / resolve a body name and its similar names across the plan, remembered for the next plans',
          params: z.object({ id: z.uuid() }),
          body: BodyDecisionSchema,
          response: { 200: BodyDecisionReplySchema },
        },
      },
      async (request) => {
        const actor = authorize(request, plansPermissions, 'plans.edit');
        const { updated, names } = await decideBodyInPlan(db, actor, request.params.id, request.body);
        return { ...request.body, updated, names };
      },
    );

    app.get(
      '/api/plans/undecided-leads',
      {
        schema: {
          tags: ['plans'],
          summary: 'Nhiệm vụ chưa xác định cơ quan chủ trì, theo kế hoạch / tasks whose lead is not decided, per plan',
          response: { 200: z.object({ items: z.array(UndecidedLeadsSchema) }) },
        },
      },
      async (request) => {
        const actor = authorize(request, plansPermissions, 'leads.undecided');
        return { items: await listUndecidedLeads(db, actor.provinceCode) };
      },
    );
  };
}
