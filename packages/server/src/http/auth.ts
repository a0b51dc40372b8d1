import { ErrorCode, mayTake, type PermissionTable } from '@tre/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import crypto from 'node:crypto';
import { TreError, forbidden } from '../errors.ts';
import type { SessionActor } from '../audit/session-actor.ts';

export const SESSION_COOKIE = 'tre_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, OpenAPI, sign-in itself). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Every /api request, before its body is read: find the session from the httpOnly cookie, refuse
 * unsigned callers on non-public routes, and require the session's CSRF token in a header on state-changing requests
 * (SameSite=Strict already stops cross-site cookies; the token is the second lock).
 */
/** Finds the signed-in user of a session cookie (the access module's, handed in by app.ts: http imports no domain module). */
export type SessionResolver = (token: string, ip: string | null) => Promise<SessionActor | undefined>;

export function registerAuth(app: FastifyInstance, resolveSession: SessionResolver): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  // onRequest, before the body is read: an unknown caller never makes the server read an upload
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const actor = await resolveSession(token, request.ip);
      if (actor) {
        request.actor = actor;
        request.sessionToken = token;
      }
    }
    if (request.routeOptions.config.public) return;
    if (!request.actor) throw new TreError(ErrorCode.NotSignedIn);
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.actor.csrfToken)) throw new TreError(ErrorCode.CsrfRejected);
    }
  });
}

/** The signed-in caller; routes that are not public always have one after the hook. */
export function actorOf(request: FastifyRequest): SessionActor {
  if (!request.actor) throw new TreError(ErrorCode.NotSignedIn);
  return request.actor;
}

/**
 * The signed-in caller, if their role may take the action at all (its module's permission table,
 * core/<module>/permissions.ts); the service checks the record's scope with mayTakeOn.
 */
export function authorize<A extends string>(request: FastifyRequest, table: PermissionTable<A>, action: A): SessionActor {
  const actor = actorOf(request);
  if (!mayTake(table, action, actor)) throw forbidden();
  return actor;
}
