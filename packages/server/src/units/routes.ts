import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { unitsPermissions, type AgencyDto, type CommuneDto } from '@tre/core';
import type { Database } from '../db/schema.ts';
import { actorOf, authorize } from '../http/auth.ts';
import * as repo from './repository.ts';
import * as service from './service.ts';
import {
  AgencyInputSchema,
  AgencySchema,
  CommuneCodeSchema,
  CommuneDetailSchema,
  CommuneListQuerySchema,
  CommuneSchema,
} from './schemas.ts';

type AgencyRow = Awaited<ReturnType<typeof repo.listAgencies>>[number];
const toAgencyDto = (a: AgencyRow, standingBodyId: string | null): AgencyDto => ({
  id: a.id,
  kind: a.kind as AgencyDto['kind'],
  shortName: a.short_name,
  fullName: a.full_name,
  aliases: a.aliases,
  active: a.active,
  isStandingBody: a.id === standingBodyId,
});

const toCommuneDto = (c: { code: string; name: string; type: string; province_code: string }): CommuneDto => ({
  code: c.code,
  name: c.name,
  type: c.type,
  provinceCode: c.province_code,
});

export function unitsRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/units/provinces',
      {
        schema: {
          tags: ['units'],
          summary: 'Tỉnh, thành phố / provinces',
          response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
        },
      },
      async () => ({ items: await repo.listProvinces(db) }),
    );

    app.get(
      '/api/units/communes',
      {
        schema: {
          tags: ['units'],
          summary: 'Xã, phường, đặc khu theo tỉnh / communes by province',
          querystring: CommuneListQuerySchema,
          response: { 200: z.object({ total: z.number(), items: z.array(CommuneSchema) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const provinceCode = request.query.province ?? actor.provinceCode;
        const page = await repo.listCommunes(db, {
          provinceCode,
          q: request.query.q || undefined,
          limit: request.query.limit,
          offset: request.query.offset,
        });
        return { total: page.total, items: page.items.map(toCommuneDto) };
      },
    );

    app.get(
      '/api/units/communes/:code',
      {
        schema: {
          tags: ['units'],
          summary: 'Một xã, phường và các đơn vị cũ / one commune and its pre-2025 predecessors',
          params: z.object({ code: CommuneCodeSchema }),
          response: { 200: CommuneDetailSchema },
        },
      },
      async (request) => {
        const c = await service.getCommune(db, request.params.code);
        return {
          ...toCommuneDto(c),
          predecessors: c.predecessors.map((p) => ({ code: p.old_code, name: p.old_name, extent: p.extent })),
        };
      },
    );

    app.get(
      '/api/agencies',
      {
        schema: {
          tags: ['units'],
          summary: 'Cơ quan, đơn vị / agencies',
          querystring: z.object({ includeInactive: z.enum(['true', 'false']).default('false') }),
          response: { 200: z.object({ items: z.array(AgencySchema) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const [rows, standing] = await Promise.all([
          repo.listAgencies(db, actor.provinceCode, request.query.includeInactive === 'true'),
          service.getStandingBodyId(db, actor.provinceCode),
        ]);
        return { items: rows.map((a) => toAgencyDto(a, standing)) };
      },
    );

    app.post(
      '/api/agencies',
      {
        schema: {
          tags: ['units'],
          summary: 'Thêm cơ quan / add agency',
          body: AgencyInputSchema,
          response: { 201: AgencySchema },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, unitsPermissions, 'agencies.manage');
        const row = await service.createAgency(db, actor, request.body);
        return reply.status(201).send(toAgencyDto(row, await service.getStandingBodyId(db, actor.provinceCode)));
      },
    );

    app.patch(
      '/api/agencies/:id',
      {
        schema: {
          tags: ['units'],
          summary: 'Sửa cơ quan / update agency',
          params: z.object({ id: z.uuid() }),
          body: AgencyInputSchema.partial().strict(),
          response: { 200: AgencySchema },
        },
      },
      async (request) => {
        const actor = authorize(request, unitsPermissions, 'agencies.manage');
        const row = await service.updateAgency(db, actor, request.params.id, request.body);
        return toAgencyDto(row, await service.getStandingBodyId(db, actor.provinceCode));
      },
    );

    app.get(
      '/api/settings',
      {
        schema: {
          tags: ['units'],
          summary: 'Cấu hình của tỉnh / installation settings',
          response: {
            200: z.object({ province: z.object({ code: z.string(), name: z.string() }), standingBodyId: z.string().nullable() }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const province = await repo.findProvince(db, actor.provinceCode);
        return {
          province: province ?? { code: actor.provinceCode, name: '' },
          standingBodyId: await service.getStandingBodyId(db, actor.provinceCode),
        };
      },
    );

    app.put(
      '/api/settings/standing-body',
      {
        schema: {
          tags: ['units'],
          summary: 'Chọn cơ quan thường trực về trẻ em / set the standing body for child affairs',
          body: z.object({ agencyId: z.uuid() }),
          response: { 200: AgencySchema },
        },
      },
      async (request) => {
        const actor = authorize(request, unitsPermissions, 'agencies.manage');
        const agency = await service.setStandingBody(db, actor, request.body.agencyId);
        return toAgencyDto(agency, agency.id);
      },
    );
  };
}
