import { accessPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { SESSION_COOKIE, actorOf, authorize } from '../http/auth.ts';
import { listAudit } from '../audit/audit.ts';
import { fromParams } from '../http/read-log-hook.ts';
import { CommuneCodeSchema } from '../units/schemas.ts';
import * as repo from './repository.ts';
import { dummyHash } from './password.ts';
import * as service from './service.ts';
import {
  AuditEventSchema,
  AuditQuerySchema,
  ListQuerySchema,
  NewUserSchema,
  SessionSchema,
  SignInSchema,
  UserPatchSchema,
  UserSchema,
  toUserDto,
} from './schemas.ts';
import { DEVICE_COOKIE, DEVICE_DAYS } from './signin-throttle.ts';

export function accessRoutes(db: Kysely<Database>, config: Config) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    // The unknown-username check verifies a real hash made at start, so that its first use costs
    // what every later one does.
    await dummyHash();

    app.post(
      '/api/session',
      {
        config: { public: true },
        schema: { tags: ['access'], summary: 'Đăng nhập / sign in', body: SignInSchema, response: { 200: SessionSchema } },
      },
      async (request, reply) => {
        const result = await service.signIn(db, config.provinceCode, request.body, {
          ip: request.ip,
          deviceToken: request.cookies[DEVICE_COOKIE],
        });
        // Secure whenever the browser reached us over HTTPS (request.protocol believes
        // X-Forwarded-Proto only with TRE_TRUST_PROXY), or always when TRE_SECURE_COOKIES=1.
        const secure = config.secureCookies || request.protocol === 'https';
        void reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: '/',
          expires: result.expiresAt,
        });
        void reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: '/api/session',
          maxAge: DEVICE_DAYS * 86_400,
        });
        return { user: sessionUser(result.actor), csrfToken: result.csrfToken };
      },
    );

    app.get(
      '/api/session',
      {
        // "am I signed in?", asked by every page load before sign-in: its 401 is no attempt on a record
        config: { readLog: false },
        schema: { tags: ['access'], summary: 'Phiên hiện tại / current session', response: { 200: SessionSchema } },
      },
      async (request) => {
        const actor = actorOf(request);
        return { user: sessionUser(actor), csrfToken: actor.csrfToken };
      },
    );

    app.delete('/api/session', { schema: { tags: ['access'], summary: 'Đăng xuất / sign out' } }, async (request, reply) => {
      const actor = actorOf(request);
      await service.signOut(db, actor, request.sessionToken ?? '');
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });

    app.post(
      '/api/session/password',
      {
        schema: {
          tags: ['access'],
          summary: 'Đổi mật khẩu của mình / change own password',
          body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
        },
      },
      async (request, reply) => {
        await service.changeOwnPassword(
          db,
          actorOf(request),
          request.sessionToken ?? '',
          request.body.currentPassword,
          request.body.newPassword,
        );
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/users',
      {
        // the search text (?q=) is not kept: it may be a person's name
        config: { readLog: { kind: 'user_list' } },
        schema: {
          tags: ['access'],
          summary: 'Danh sách người dùng / list users',
          querystring: ListQuerySchema,
          response: { 200: z.object({ items: z.array(UserSchema) }) },
        },
      },
      async (request) => {
        const actor = authorize(request, accessPermissions, 'users.manage');
        const rows = await repo.listUsers(db, actor.provinceCode, request.query);
        return { items: rows.map(toUserDto) };
      },
    );

    app.post(
      '/api/users',
      {
        schema: { tags: ['access'], summary: 'Tạo người dùng / create user', body: NewUserSchema, response: { 201: UserSchema } },
      },
      async (request, reply) => {
        const actor = authorize(request, accessPermissions, 'users.manage');
        const user = await service.createUser(db, actor, request.body);
        return reply.status(201).send(toUserDto(user));
      },
    );

    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['access'],
          summary: 'Sửa người dùng, khóa, đặt lại mật khẩu / update, disable, reset password',
          params: z.object({ id: z.uuid() }),
          body: UserPatchSchema,
          response: { 200: UserSchema },
        },
      },
      async (request) => {
        const actor = authorize(request, accessPermissions, 'users.manage');
        return toUserDto(await service.updateUser(db, actor, request.params.id, request.body));
      },
    );

    app.get(
      '/api/audit',
      {
        config: { readLog: { kind: 'access_log', logAllowed: () => false } },
        schema: {
          tags: ['access'],
          summary: 'Nhật ký kiểm tra / audit log',
          querystring: AuditQuerySchema,
          response: { 200: z.object({ items: z.array(AuditEventSchema) }) },
        },
      },
      async (request) => {
        const actor = authorize(request, accessPermissions, 'audit.read');
        const q = request.query;
        const rows = await listAudit(db, actor.provinceCode, {
          entity: q.entity,
          entityId: q.entityId,
          actorId: q.actorId,
          beforeId: q.before,
          limit: q.limit,
        });
        return {
          items: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            actorId: r.actor_id,
            actorName: r.actor_name,
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            before: r.before,
            after: r.after,
            ip: r.ip,
          })),
        };
      },
    );
    // a commune's people are users: served here (access sits above units), at the units path the web knows
    app.get(
      '/api/units/communes/:code/staff',
      {
        config: { readLog: { kind: 'staff_list', record: fromParams('code') } },
        schema: {
          tags: ['units'],
          summary: 'Cán bộ của xã, phường (theo phạm vi) / staff of a commune (scoped)',
          params: z.object({ code: CommuneCodeSchema }),
          response: { 200: z.object({ items: z.array(UserSchema) }) },
        },
      },
      async (request) => {
        const rows = await service.getCommuneStaff(db, actorOf(request), request.params.code);
        return { items: rows.map(toUserDto) };
      },
    );
  };
}

function sessionUser(actor: ReturnType<typeof actorOf>) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    agencyId: actor.agencyId,
    communeCode: actor.communeCode,
    provinceCode: actor.provinceCode,
  };
}
