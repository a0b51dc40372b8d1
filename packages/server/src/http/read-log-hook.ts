import type { ReadLogKind } from '@tre/core/access/read-log';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { ReadLogBuffer, attachReadLog, detachReadLog, toRow, type Reader } from '../audit/read-log.ts';

/**
 * How a route says it reads something sensitive. One hook (below) turns it into a row of the read
 * log, so a module marks its routes and writes no logging code:
 *
 *   config: { readLog: { kind: 'unit_values', record: fromQuery('unit'), params: ['period'] } }
 */
export interface ReadLogRoute {
  kind: ReadLogKind;
  /** the one record read (a unit code, a plan id); none for a list */
  record?: (request: FastifyRequest) => string | null | undefined;
  /**
   * Request parameters kept with the row, by name (query, then path), after validation. Only
   * values that identify nobody: periods, unit codes, views. Never a search text or a name.
   */
  params?: readonly string[];
  /** Whether an allowed read is logged (default: always); refusals are logged regardless. */
  logAllowed?: (request: FastifyRequest) => boolean;
  /** the reason the caller gave, where the route asks one */
  reason?: (request: FastifyRequest) => string | null | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Marks a sensitive read (see ReadLogRoute). `false`: not even a refusal is logged, for a route
     * that reads nothing and that every unsigned page load calls (GET /api/session).
     */
    readLog?: ReadLogRoute | false;
  }
}

function valueIn(source: unknown, name: string): string | null {
  if (typeof source !== 'object' || source === null) return null;
  const v = (source as Record<string, unknown>)[name];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** The record is a query parameter (after validation), e.g. `?unit=16681`. */
export const fromQuery =
  (name: string) =>
  (request: FastifyRequest): string | null =>
    valueIn(request.query, name);

/** The record is a path parameter, e.g. `/api/plans/:id/export`. */
export const fromParams =
  (name: string) =>
  (request: FastifyRequest): string | null =>
    valueIn(request.params, name);

/**
 * A commune's or an agency's figures, not the province's: the province's values are statistics
 * issued to everyone signed in, read on every dashboard, and identify no one.
 */
export const unitBelowProvince =
  (name = 'unit') =>
  (request: FastifyRequest): boolean => {
    const unit = valueIn(request.query, name);
    return unit !== null && !/^\d{2}$/.test(unit);
  };

function attempt<T>(f: ((request: FastifyRequest) => T) | undefined, request: FastifyRequest): T | undefined {
  try {
    return f?.(request);
  } catch {
    // a refusal can come before the request was parsed; the row is still written, without it
    return undefined;
  }
}

function keptParams(route: ReadLogRoute, request: FastifyRequest): Record<string, string> | undefined {
  if (!route.params?.length) return undefined;
  const out: Record<string, string> = {};
  for (const name of route.params) {
    const v = valueIn(request.query, name) ?? valueIn(request.params, name);
    if (v !== null) out[name] = v;
  }
  return out;
}

/**
 * Which replies become rows: an allowed read (2xx/3xx) of a marked route, and on every API route a
 * refusal: 401, 403, and 404 on a route that exists (a record the caller may not see, or that is
 * not there; an unknown URL is not a record). Public routes log no refusals: a failed sign-in is
 * the sign-in's own audit row (signin_failed). Other errors (400, 409, 500) read nothing.
 */
function rowFor(request: FastifyRequest, status: number, provinceCode: string) {
  if (!request.url.startsWith('/api/')) return null;
  const config = request.routeOptions.config;
  const mark = config.readLog;
  if (mark === false) return null;
  const pattern = request.routeOptions.url;
  const refused = status === 401 || status === 403 || (status === 404 && pattern !== undefined);
  if (refused) {
    if (config.public && !mark) return null;
  } else if (!mark || status >= 400 || !(attempt(mark.logAllowed, request) ?? true)) {
    return null;
  }
  const actor = request.actor;
  const reader: Reader = {
    userId: actor?.id ?? null,
    username: actor?.username ?? null,
    provinceCode: actor?.provinceCode ?? provinceCode,
    ip: request.ip,
  };
  return toRow(reader, {
    kind: mark ? mark.kind : 'api',
    recordId: mark ? (attempt(mark.record, request) ?? null) : null,
    method: request.method,
    route: pattern ?? '*',
    status,
    params: mark ? keptParams(mark, request) : undefined,
    reason: mark ? attempt(mark.reason, request) : null,
  });
}

/**
 * Registers the read log: the buffer (access/read-log.ts), the hook that fills it, and the flush on
 * close. Register before the routes, so every route of every module inherits the hook.
 *
 * onSend, not onResponse: the status is final there (the error handler has set it), and the row
 * is in the buffer before the reply leaves, so a test that awaits the reply and then flushes finds
 * it. The hook only pushes to an array; the write happens later, off the request's path.
 */
export function registerReadLog(app: FastifyInstance, db: Kysely<Database>, config: Config): void {
  const buffer = new ReadLogBuffer(db, (error, message) => {
    app.log.error({ err: error }, message);
  });
  attachReadLog(db, buffer);
  app.addHook('onSend', (request, reply, payload, done) => {
    try {
      const row = rowFor(request, reply.statusCode, config.provinceCode);
      if (row) buffer.add(row);
    } catch (error) {
      // the log must never cost the caller their reply
      request.log.error({ err: error }, 'read log: row not built');
    }
    done(null, payload);
  });
  app.addHook('onClose', async () => {
    await buffer.flush();
    detachReadLog(db, buffer);
  });
}

/** The mark of a route that reads one unit's figures named by `?unit=` (entry form, values, trend). */
export function unitFiguresRead(params: readonly string[]): ReadLogRoute {
  return { kind: 'unit_values', record: fromQuery('unit'), params, logAllowed: unitBelowProvince() };
}
