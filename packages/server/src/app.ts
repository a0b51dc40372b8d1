import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { loggedRequest } from './http/log.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ErrorCode, errorMessages, languageFromHeader } from '@tre/core';
import { DEFAULT_REMINDER_INTERVAL_MINUTES, type Config } from './config.ts';
import type { Db } from './db/pool.ts';
import { accessRoutes } from './access/routes.ts';
import { unitsRoutes } from './units/routes.ts';
import { filesRoutes } from './files/routes.ts';
import { plansRoutes } from './plans/routes.ts';
import { UPLOAD_LIMIT } from './http/upload.ts';
import { importSettings, type ImportSettings } from './imports/limits.ts';
import { ImportRunner } from './imports/runner.ts';
import { UploadSpool, spoolDirFor } from './imports/spool.ts';
import { importJobRoutes } from './imports/routes.ts';
import { dataValuesImport } from './indicators/import/service.ts';
import { planTaskRoutes } from './plans/task-routes.ts';
import { indicatorsRoutes } from './indicators/routes.ts';
import { planTargetsEffect } from './indicators/targets/plan-targets.ts';
import { indicatorExcelRoutes } from './indicators/excel/routes.ts';
import { reportingRoutes } from './reporting/routes.ts';
import { childrenRoutes } from './children/routes.ts';
import { casesRoutes } from './cases/routes.ts';
import { calendarRoutes } from './cases/calendar/routes.ts';
import { communesRoutes } from './communes/routes.ts';
import { CaseAlertScheduler } from './cases/alerts.ts';
import { CHILDREN_IMPORT, childrenImport } from './children/import/kind.ts';
import { DuplicateScans } from './children/duplicates/service.ts';
import { populationClientFromConfig, type PopulationClient } from './children/population/client.ts';
import { consolidatedReportRoutes } from './reporting/consolidated/routes.ts';
import { registerAuth } from './http/auth.ts';
import { registerErrorHandler } from './http/errors.ts';
import { JSON_BODY_LIMIT, registerJsonBody } from './http/json-body.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerTextGuard } from './http/text-guard.ts';
import { registerReadLog } from './http/read-log-hook.ts';
import { readLogRoutes } from './access/read-log-routes.ts';
import { resolveSession } from './access/service.ts';
import { notificationsRoutes } from './notifications/routes.ts';
import { createMailer, type Mailer } from './notifications/mailer.ts';
import { contactsRoutes } from './reporting/contacts/routes.ts';
import { ReminderScheduler } from './reporting/reminders/scheduler.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppOptions {
  db: Db;
  config: Config;
  /** Serve the built web app from this folder (production); omitted in API tests. */
  webDist?: string | undefined;
  /** Bounds of file imports other than the environment's (tests of the bounds themselves). */
  imports?: Partial<ImportSettings> | undefined;
  /**
   * The reminder runs (reporting/reminders/scheduler.ts): on by default, off (`false`) for a
   * throw-away database unless a test asks, with its own interval, clock and mailer.
   */
  reminders?: ReminderRunOptions | false | undefined;
  /**
   * The case clock alerts (cases/alerts.ts): on by default, off (`false`) for a throw-away database
   * unless a test asks; apart from the reminders, so that a test of one never drives the other.
   */
  caseAlerts?: ReminderRunOptions | false | undefined;
  /** The national population database client (tests give one to the local simulator); else from the config. */
  population?: PopulationClient | undefined;
}

export interface ReminderRunOptions {
  intervalMs?: number | undefined;
  firstDelayMs?: number | undefined;
  now?: (() => Date) | undefined;
  mailer?: Mailer | undefined;
}

export async function buildApp({
  db,
  config,
  webDist,
  imports: importBounds,
  reminders,
  caseAlerts: alertOptions,
  population,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: { req: loggedRequest },
          },
    // X-Forwarded-For is believed only behind a proxy that sets it; otherwise anyone could forge the
    // address the audit records and the sign-in throttle counts.
    trustProxy: config.trustProxy,
    // JSON bodies: 1 MB unless a route says more (json-body.ts); uploads have their own limits
    bodyLimit: JSON_BODY_LIMIT,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // first, so that every reply carries the headers: API, web pages, assets, errors and 404s
  await registerSecurityHeaders(app);
  // control characters refused and text NFC-normalised in every request, before any schema sees it
  registerTextGuard(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tre API',
        description: 'Hệ thống thông tin công tác trẻ em / child-affairs information system',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tre_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, (token, ip) => resolveSession(db.kysely, token, ip));
  // before the routes, so that every route inherits the hook that logs sensitive reads and refusals
  registerReadLog(app, db.kysely, config);
  registerJsonBody(app);
  // plan files and evidence arrive as raw bytes, larger than the JSON limit
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => {
    done(null, body);
  });

  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'], summary: 'Tình trạng / health' } }, async () => {
    await db.kysely.selectFrom('province').select('code').limit(1).execute();
    return { status: 'ok', engine: db.engine };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // file imports run as jobs in this process (imports/runner.ts); stopped with the server
  const imports = new ImportRunner(
    db.kysely,
    { ...importSettings(), ...importBounds },
    { singleProcess: db.engine === 'pglite', spool: new UploadSpool(spoolDirFor(config)) },
  );
  const throwAway = config.dataDir === 'memory://';
  imports.register(dataValuesImport);
  imports.register(childrenImport);
  const duplicateScans = new DuplicateScans(db.kysely);
  duplicateScans.followImports(imports, CHILDREN_IMPORT);
  app.decorate('duplicateScans', duplicateScans);
  app.decorate('imports', imports);
  app.addHook('onReady', () => imports.start());
  app.addHook('onClose', async () => {
    await imports.stop();
    // a scan under way ends before the database closes under it
    await duplicateScans.idle();
    if (throwAway) imports.spool.removeAll(); // a test database's uploads go with it
  });

  // reminders of reports owed, in this process; a test database has none unless the test asks
  const remind = reminders ?? (throwAway ? false : {});
  const scheduler = remind
    ? new ReminderScheduler(db.kysely, {
        provinceCode: config.provinceCode,
        mailer: remind.mailer ?? createMailer(config),
        intervalMs: remind.intervalMs ?? (config.reminderIntervalMinutes ?? DEFAULT_REMINDER_INTERVAL_MINUTES) * 60_000,
        firstDelayMs: remind.firstDelayMs,
        now: remind.now,
        publicUrl: config.publicUrl,
        log: app.log,
      })
    : null;
  app.decorate('reminders', scheduler);
  // the legal clocks of cases, watched in the same process every minute; a test database has none unless asked
  const alerting = alertOptions ?? (throwAway ? false : {});
  const caseAlerts = alerting
    ? new CaseAlertScheduler(db.kysely, {
        provinceCode: config.provinceCode,
        mailer: alerting.mailer ?? createMailer(config),
        intervalMs: alerting.intervalMs ?? 60_000,
        now: alerting.now,
        log: app.log,
      })
    : null;
  app.decorate('caseAlerts', caseAlerts);
  if (caseAlerts) {
    app.addHook('onReady', async () => {
      caseAlerts.start();
    });
    app.addHook('onClose', () => caseAlerts.stop());
  }
  if (scheduler) {
    app.addHook('onReady', async () => {
      scheduler.start();
    });
    app.addHook('onClose', () => scheduler.stop());
  }

  await app.register(accessRoutes(db.kysely, config));
  await app.register(readLogRoutes(db.kysely));
  await app.register(unitsRoutes(db.kysely));
  await app.register(plansRoutes(db.kysely, planTargetsEffect));
  await app.register(planTaskRoutes(db.kysely));
  await app.register(filesRoutes(db.kysely));
  await app.register(indicatorsRoutes(db.kysely));
  await app.register(indicatorExcelRoutes(db.kysely, imports));
  await app.register(importJobRoutes(db.kysely, imports));
  await app.register(reportingRoutes(db.kysely));
  await app.register(
    childrenRoutes(
      db.kysely,
      imports,
      population ?? populationClientFromConfig(config, { onEvent: (e) => app.log.info(e) }),
      duplicateScans,
    ),
  );
  await app.register(calendarRoutes(db.kysely));
  await app.register(casesRoutes(db.kysely));
  await app.register(communesRoutes(db.kysely));
  await app.register(consolidatedReportRoutes(db.kysely));
  await app.register(notificationsRoutes(db.kysely));
  await app.register(contactsRoutes(db.kysely));

  const dist = webDist && fs.existsSync(path.join(webDist, 'index.html')) ? webDist : undefined;
  if (dist) {
    await app.register(fastifyStatic, { root: dist, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // the web app routes on the client: any non-API GET gets index.html
    if (dist && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const lang = languageFromHeader(request.headers['accept-language']);
    return reply.status(404).send({ error: { code: ErrorCode.NotFound, message: errorMessages.NOT_FOUND[lang] } });
  });
  return app;
}
