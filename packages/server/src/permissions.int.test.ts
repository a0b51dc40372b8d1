import {
  Role,
  accessPermissions,
  casesPermissions,
  childrenPermissions,
  communesPermissions,
  filesPermissions,
  importsPermissions,
  indicatorsPermissions,
  mayTake,
  mayTakeOn,
  plansPermissions,
  reportingPermissions,
  roles,
  scopeKindOf,
  unitsPermissions,
  type PermissionTable,
  type ScopeTarget,
} from '@tre/core';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test/app.ts';
import { makeChild } from './test/children.ts';
import { makeCase } from './test/cases.ts';
import { createPopulationClient } from './children/population/client.ts';
import { startPopulationSimulator } from './children/population/simulator.ts';
import { ADMIN_PASSWORD } from './test/db.ts';
import { COMMUNE_A, COMMUNE_B, firstAgencyId, makePlan, makeUser, signIn, taskIdsOf, type Session } from './test/factories.ts';

/**
 * The scope tests generated from the permission tables (core/<module>/permissions.ts): every action
 * of every module × every role × the caller's own record and another's. Where the table says no,
 * the call is refused and no table but the read log changes; where it says yes, it is not refused.
 * Every action must have a probe here and every probe an action, so an action added without a rule
 * or a test fails the suite.
 */

const TABLES = {
  access: accessPermissions,
  units: unitsPermissions,
  files: filesPermissions,
  imports: importsPermissions,
  plans: plansPermissions,
  indicators: indicatorsPermissions,
  reporting: reportingPermissions,
  children: childrenPermissions,
  cases: casesPermissions,
  communes: communesPermissions,
} as const satisfies Record<string, PermissionTable>;

type Whose = 'own' | 'other';

interface Caller {
  role: Role;
  session: Session;
  communeCode: string | null;
  agencyId: string | null;
}

interface World {
  gd: string; // Sở GD&ĐT: leads task 2 of the plan
  tuphap: string; // Sở Tư pháp: assigned nothing
  planId: string;
  tasks: string[];
  adminsJob: string;
  /** a round of the plan for 2025S1, owed by every department and every commune */
  roundId: string;
  /** a child of commune A and one of commune B, and a proposed pair of children in each */
  children: Record<string, number>;
  pairs: Record<string, number>;
  /** per role, a case where its caller is worker, supervisor, intake and grant holder, with a service referred to its body */
  cases: Record<string, { id: number; service: number }>;
  /** a case nobody signed in has any part in, with a service referred to Sở Tư pháp */
  otherCase: { id: number; service: number };
  /** a user none of the callers is: whom a grant is for */
  grantee: string;
}

interface Probe {
  /** the request, for the caller's own record or another's */
  request(w: World, caller: Caller, whose: Whose): InjectOptions;
  /** false: the route takes no record, the role alone decides (only 'own' is tried) */
  scoped: boolean;
  /** what a refusal answers: 403, or 404 where a record the caller may not see is hidden (which may depend on the role) */
  refused?: number | ((caller: Caller, table: PermissionTable, action: string, whose: Whose) => number);
}

const json = (method: InjectOptions['method'], url: string, payload?: unknown): InjectOptions => ({
  method,
  url,
  ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
});

/** The commune or agency a caller's own or another's record belongs to. */
function unitOf(w: World, c: Caller, whose: Whose): { commune: string; agency: string } {
  const kind = scopeKindOf(c.role);
  return {
    commune: kind === 'commune' && whose === 'own' ? (c.communeCode ?? COMMUNE_A) : whose === 'own' ? COMMUNE_A : COMMUNE_B,
    agency: kind === 'agency' && whose === 'own' ? (c.agencyId ?? w.gd) : whose === 'own' ? w.gd : w.tuphap,
  };
}

/** A record out of the caller's reach is hidden (404) from a role that may take the action somewhere, refused (403) to one that may not. */
const hiddenOrRefused = (c: Caller, table: PermissionTable, action: string) => (mayTake(table, action, c) ? 404 : 403);

/** The caller's own case (every relation to it) or one they have no part in. */
const caseOf = (w: World, c: Caller, whose: Whose) => (whose === 'own' ? (w.cases[c.role] ?? w.otherCase) : w.otherCase);

/** A case one has no part in is hidden (404); one that may be read but not acted on refuses (403). */
const caseRefusal = (_c: Caller, _t: PermissionTable, _a: string, whose: Whose) => (whose === 'own' ? 403 : 404);

const PROBES: { [M in keyof typeof TABLES]: Record<keyof (typeof TABLES)[M], Probe> } = {
  access: {
    'users.manage': { scoped: false, request: () => json('GET', '/api/users') },
    'audit.read': { scoped: false, request: () => json('GET', '/api/audit') },
    'readLog.read': { scoped: false, request: () => json('GET', '/api/access-log') },
    'staff.read': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/units/communes/${unitOf(w, c, whose).commune}/staff`),
    },
  },
  units: {
    'agencies.manage': { scoped: false, request: (w) => json('PUT', '/api/settings/standing-body', { agencyId: w.gd }) },
  },
  files: {
    'evidence.upload': {
      scoped: false,
      request: () => ({
        method: 'POST',
        url: '/api/files?fileName=minh-chung.pdf',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from('%PDF-1.4 minh chứng'),
      }),
    },
  },
  imports: {
    'jobs.oversee': { scoped: false, refused: 404, request: (w) => json('GET', `/api/import-jobs/${w.adminsJob}`) },
  },
  plans: {
    'plans.edit': {
      scoped: false,
      request: () => ({
        method: 'POST',
        url: '/api/plans/parse?fileName=ke-hoach.txt',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from('KẾ HOẠCH\nThực hiện công tác trẻ em năm 2026\n'),
      }),
    },
    'tasks.overdue': { scoped: false, request: () => json('GET', '/api/plans/overdue') },
    'leads.undecided': { scoped: false, request: () => json('GET', '/api/plans/undecided-leads') },
    'tasks.progress': {
      scoped: true,
      request: (w, c, whose) => {
        const kind = scopeKindOf(c.role);
        // a reporter's own task is one assigned to their body (task 2: Sở GD&ĐT; task 3: every commune), another's is task 4
        const task = whose === 'other' ? w.tasks[3] : kind === 'commune' ? w.tasks[2] : w.tasks[1];
        const body = kind === 'province' ? { agencyId: w.gd } : {};
        return json('PUT', `/api/plans/tasks/${task}/progress`, {
          period: '2025',
          status: 'in_progress',
          note: null,
          evidenceFileId: null,
          ...body,
        });
      },
    },
  },
  indicators: {
    'values.read': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/data-values?unit=${entryUnit(w, c, whose)}&period=2025`),
    },
    'values.write': {
      scoped: true,
      request: (w, c, whose) => {
        const unit = entryUnit(w, c, whose);
        const element = unit === COMMUNE_A || unit === COMMUNE_B ? 'LIVE_BIRTHS' : 'CHILDREN_SUPPORTED';
        return json('PUT', '/api/data-values', { unit, period: '2025', values: [{ element, value: 7 }] });
      },
    },
    'dataValueSets.import': { scoped: false, request: () => json('POST', '/api/data-values/import', { dataValues: [] }) },
    'values.export': { scoped: false, request: () => json('GET', '/api/data-values/export?period=2025') },
    'ranking.read': { scoped: false, request: () => json('GET', '/api/indicators/I02_ECD_SERVICES_ACCESS/units?period=2025') },
    'targets.map': { scoped: false, request: (w) => json('POST', `/api/plans/${w.planId}/measure-targets`) },
    'targets.edit': { scoped: false, request: (w) => json('PATCH', `/api/plans/${w.planId}/targets/0.0`, { value: 85 }) },
    'catalogue.edit': { scoped: false, request: () => json('DELETE', '/api/indicators/local/KHONG_CO') },
  },
  reporting: {
    'rounds.manage': { scoped: false, request: (w) => json('PATCH', `/api/rounds/${w.roundId}`, { remindBeforeDays: 5 }) },
    'rounds.board': { scoped: false, request: (w) => json('GET', `/api/rounds/${w.roundId}`) },
    'submissions.read': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/rounds/${w.roundId}/submissions/${entryUnit(w, c, whose)}`),
    },
    'submissions.edit': {
      scoped: true,
      request: (w, c, whose) =>
        json('PUT', `/api/rounds/${w.roundId}/submissions/${entryUnit(w, c, whose)}`, {
          narrative: { results: 'Đã triển khai' },
          explanations: {},
        }),
    },
    // nothing was sent: an allowed reviewer gets the state's refusal (409), never 403
    'submissions.review': {
      scoped: false,
      request: (w) => json('POST', `/api/rounds/${w.roundId}/submissions/${COMMUNE_B}/accept`),
    },
    'reports.build': { scoped: false, request: (w) => json('GET', `/api/rounds/${w.roundId}/report`) },
    'reports.read': { scoped: false, request: (w) => json('GET', `/api/rounds/${w.roundId}/report/builds`) },
  },
  children: {
    'children.read': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/children?commune=${unitOf(w, c, whose).commune}`),
    },
    'children.edit': {
      scoped: true,
      refused: hiddenOrRefused,
      request: (w, c, whose) =>
        json('PATCH', `/api/children/${w.children[unitOf(w, c, whose).commune] ?? 0}`, { address: 'Xóm 2', version: 1 }),
    },
    'children.import': {
      scoped: false,
      request: () => ({
        method: 'POST',
        url: '/api/children/imports?fileName=tre-em.csv',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from('Họ và tên,Ngày sinh,Giới tính,Mã xã\n'),
      }),
    },
    'children.export': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/children/export.xlsx?commune=${unitOf(w, c, whose).commune}`),
    },
    'children.duplicates': {
      scoped: true,
      refused: hiddenOrRefused,
      request: (w, c, whose) => json('POST', `/api/children/duplicates/${w.pairs[unitOf(w, c, whose).commune] ?? 0}/different`),
    },
    'children.verify': {
      scoped: true,
      request: (w, c, whose) => json('POST', '/api/children/verifications', { commune: unitOf(w, c, whose).commune }),
    },
    'children.statistics': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/children/statistics?period=2025&commune=${unitOf(w, c, whose).commune}`),
    },
    'children.publish': { scoped: false, request: () => json('POST', '/api/children/statistics/publish', { period: '2025' }) },
    'children.readers': { scoped: false, request: (w) => json('GET', `/api/children/${w.children[COMMUNE_A] ?? 0}/readers`) },
  },
  cases: {
    'cases.intake': {
      scoped: true,
      request: (w, c, whose) => {
        const commune = unitOf(w, c, whose).commune;
        return json('POST', '/api/cases', {
          receivedAt: new Date(Date.now() - 60_000).toISOString(),
          channel: 'hotline_111',
          communeCode: commune,
          reporter: { anonymous: true, name: null, phone: null, relation: null },
          child: { id: w.children[commune] ?? 0 },
          abuseForms: ['neglect'],
          facts: 'Tin báo thử quyền',
          location: null,
          urgency: 'normal',
          workerId: null,
          supervisorId: w.grantee,
        });
      },
    },
    'cases.read': { scoped: true, refused: 404, request: (w, c, whose) => json('GET', `/api/cases/${caseOf(w, c, whose).id}`) },
    'cases.reporter': {
      scoped: true,
      refused: caseRefusal,
      request: (w, c, whose) => json('GET', `/api/cases/${caseOf(w, c, whose).id}/reporter`),
    },
    'cases.work': {
      scoped: true,
      refused: caseRefusal,
      request: (w, c, whose) =>
        json('POST', `/api/cases/${caseOf(w, c, whose).id}/services`, {
          kind: 'schooling',
          description: null,
          agencyId: null,
          communeCode: null,
          dueOn: null,
        }),
    },
    'cases.approve': {
      scoped: true,
      refused: caseRefusal,
      request: (w, c, whose) => json('PATCH', `/api/cases/${caseOf(w, c, whose).id}/team`, {}),
    },
    'cases.referral': {
      scoped: true,
      refused: 404,
      request: (w, c, whose) => json('POST', `/api/cases/services/${caseOf(w, c, whose).service}/accept`),
    },
    'cases.accessLog': {
      scoped: true,
      refused: caseRefusal,
      request: (w, c, whose) => json('GET', `/api/cases/${caseOf(w, c, whose).id}/access-log`),
    },
    'cases.grant': {
      scoped: false,
      request: (w) =>
        json('POST', `/api/cases/${w.otherCase.id}/grants`, { userId: w.grantee, reason: 'Kiểm tra theo quyết định', days: 1 }),
    },
    'cases.export': {
      scoped: true,
      refused: caseRefusal,
      request: (w, c, whose) => json('GET', `/api/cases/${caseOf(w, c, whose).id}/export.json`),
    },
    'cases.overview': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/cases/overview?commune=${unitOf(w, c, whose).commune}`),
    },
    'cases.statistics': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/cases/statistics?period=2025&commune=${unitOf(w, c, whose).commune}`),
    },
    'cases.publish': { scoped: false, request: () => json('POST', '/api/cases/statistics/publish', { period: '2025' }) },
    'cases.calendar': {
      scoped: false,
      request: () =>
        json('PUT', '/api/cases/calendar/2031', {
          days: [{ date: '2031-01-01', kind: 'holiday', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day", source: 'thử' }],
        }),
    },
  },
  communes: {
    'communes.read': {
      scoped: true,
      request: (w, c, whose) => json('GET', `/api/communes/${unitOf(w, c, whose).commune}/assessments/2025`),
    },
    'communes.assess': {
      scoped: true,
      request: (w, c, whose) =>
        json('PUT', `/api/communes/${unitOf(w, c, whose).commune}/assessments/2024`, {
          entries: [{ code: '11.1', value: { kind: 'boolean', yes: true } }],
        }),
    },
    // no assessment of 2023: an allowed caller gets 409 (nothing submitted), a refused one 403
    'communes.verify': {
      scoped: true,
      request: (w, c, whose) =>
        json('POST', `/api/communes/${unitOf(w, c, whose).commune}/assessments/2023/verify`, {
          version: 0,
          criterion: '1',
          outcome: 'accepted',
        }),
    },
    'communes.decide': {
      scoped: true,
      request: (w, c, whose) =>
        json('POST', `/api/communes/${unitOf(w, c, whose).commune}/assessments/2023/decision`, {
          version: 0,
          number: '01/QĐ-UBND',
          date: '2024-01-10',
          recognised: false,
        }),
    },
    'communes.publish': { scoped: false, request: () => json('POST', '/api/communes/publish?year=2025') },
    'communes.ruleSets': { scoped: false, request: () => json('POST', '/api/communes/rule-sets', { format: 'khong-hop-le' }) },
    'communes.type': {
      scoped: true,
      request: (w, c, whose) => json('PUT', `/api/communes/${unitOf(w, c, whose).commune}/type`, { type: 'mountain' }),
    },
  },
};

/** A figures unit of the caller's own or another's: their agency for an agency reporter, else a commune. */
function entryUnit(w: World, c: Caller, whose: Whose): string {
  const u = unitOf(w, c, whose);
  return scopeKindOf(c.role) === 'agency' ? u.agency : u.commune;
}

/** What the scope rules read of the record a probe names. */
function targetOf(w: World, c: Caller, whose: Whose): ScopeTarget {
  const u = unitOf(w, c, whose);
  const own = whose === 'own';
  // a caller's own case: worker, supervisor, intake and grant holder, with a service referred to their body if they have one
  const caseRelation = {
    assigned: own,
    supervisor: own,
    intake: own,
    referred: own && (c.communeCode !== null || c.agencyId !== null),
    granted: own,
  };
  return { communeCode: u.commune, agencyId: u.agency, actorsBody: own, caseRelation };
}

let t: TestApp;
const callers = new Map<Role, Caller>();
let world: World;
let simulator: Awaited<ReturnType<typeof startPopulationSimulator>>;

/** Rows of every table but the read log (a refused call is logged there, and only there). */
async function snapshot(): Promise<Record<string, number>> {
  // work an allowed call left running (an import job, a duplicate scan) ends first
  await t.app.imports.idle();
  await t.app.duplicateScans.idle();
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('read_log')
    ORDER BY table_name
  `.execute(t.db.kysely);
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(t.db.kysely);
    out[name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

beforeAll(async () => {
  simulator = await startPopulationSimulator({ apiKey: 'khoa-thu', citizens: [] });
  t = await startTestApp({ population: createPopulationClient({ url: simulator.url, apiKey: 'khoa-thu' }) });
  const gd = await firstAgencyId(t.db, 'Sở GD&ĐT');
  const tuphap = await firstAgencyId(t.db, 'Sở Tư pháp');
  const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  const planId = await makePlan(t.db);
  const job = await t.app.inject({
    method: 'POST',
    url: '/api/data-values/import-file?fileName=so-lieu.json',
    headers: { ...admin.headers, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(JSON.stringify({ dataValues: [] })),
  });
  const round = await t.app.inject({
    method: 'POST',
    url: '/api/rounds',
    headers: admin.headers,
    payload: { planId, period: '2025S1' },
  });
  world = {
    gd,
    tuphap,
    planId,
    tasks: await taskIdsOf(t.db, planId),
    adminsJob: (job.json() as { id: string }).id,
    roundId: (round.json() as { id: string }).id,
    children: {},
    pairs: {},
    cases: {},
    otherCase: { id: 0, service: 0 },
    grantee: (await makeUser(t.db, { role: 'commune_officer', communeCode: COMMUNE_A })).id,
  };
  for (const commune of [COMMUNE_A, COMMUNE_B]) {
    const a = await makeChild(t.db, { commune_code: commune, personal_id: null });
    const b = await makeChild(t.db, { commune_code: commune });
    world.children[commune] = a;
    const pair = await t.db.kysely
      .insertInto('child_duplicate')
      .values({ child_a: a, child_b: b, score: 0.95, reasons: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    world.pairs[commune] = pair.id;
  }
  await t.app.imports.idle();
  for (const role of roles) {
    const bound = scopeKindOf(role);
    const communeCode = bound === 'commune' ? COMMUNE_A : null;
    const agencyId = bound === 'agency' ? gd : null;
    const session =
      role === Role.Admin
        ? admin
        : await signIn(
            t.app,
            (await makeUser(t.db, { role, communeCode: communeCode ?? undefined, agencyId: agencyId ?? undefined })).username,
          );
    callers.set(role, { role, session, communeCode, agencyId });
  }
  const childA = world.children[COMMUNE_A] ?? 0;
  for (const [role, caller] of callers) {
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: caller.session.headers });
    const userId = (me.json() as { user: { id: string } }).user.id;
    const id = await makeCase(t.db, {
      childId: childA,
      communeCode: COMMUNE_A,
      workerId: userId,
      supervisorId: userId,
      intakeBy: userId,
    });
    await t.db.kysely
      .insertInto('child_case_grant')
      .values({ case_id: id, user_id: userId, reason: 'Thử quyền', expires_at: new Date(Date.now() + 86_400_000) })
      .execute();
    const service = await t.db.kysely
      .insertInto('child_case_service')
      .values({
        case_id: id,
        kind: 'health',
        status: 'referred',
        // referred to the caller's body; a caller of the province has none, so to a body that is not theirs
        agency_id: caller.agencyId ?? (caller.communeCode ? null : tuphap),
        commune_code: caller.agencyId ? null : caller.communeCode,
        referred_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    world.cases[role] = { id, service: service.id };
  }
  const other = await makeCase(t.db, { childId: world.children[COMMUNE_B] ?? 0, communeCode: COMMUNE_B });
  const otherService = await t.db.kysely
    .insertInto('child_case_service')
    .values({ case_id: other, kind: 'legal_aid', status: 'referred', agency_id: tuphap, referred_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  world.otherCase = { id: other, service: otherService.id };
});
afterAll(async () => {
  await t.close();
  await simulator.close();
});

describe('the permission tables', () => {
  it('have a probe for every action, and no probe without an action', () => {
    for (const [module, table] of Object.entries(TABLES)) {
      expect(Object.keys(PROBES[module as keyof typeof TABLES]).sort(), module).toEqual(Object.keys(table).sort());
    }
  });

  for (const [module, table] of Object.entries(TABLES) as [keyof typeof TABLES, PermissionTable][]) {
    for (const [action, probe] of Object.entries(PROBES[module]) as [string, Probe][]) {
      for (const role of roles) {
        for (const whose of probe.scoped ? (['own', 'other'] as const) : (['own'] as const)) {
          it(`${module} ${action}: ${role}, ${whose}`, async () => {
            const caller = callers.get(role);
            if (!caller) throw new Error(`no ${role} signed in`);
            const allowed = probe.scoped
              ? mayTakeOn(table, action, caller, targetOf(world, caller, whose))
              : mayTake(table, action, caller);
            const request = probe.request(world, caller, whose);
            const before = allowed ? undefined : await snapshot();
            const res = await t.app.inject({
              ...request,
              headers: { ...caller.session.headers, ...(request.headers as Record<string, string> | undefined) },
            });
            if (allowed) {
              expect([401, 403], `${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
              expect(res.statusCode, res.body).toBeLessThan(500);
            } else {
              const refused =
                typeof probe.refused === 'function' ? probe.refused(caller, table, action, whose) : (probe.refused ?? 403);
              expect(res.statusCode, res.body).toBe(refused);
              expect(await snapshot()).toEqual(before);
            }
          });
        }
      }
    }
  }
});
