/**
 * The cases' benchmark (issue 16): 50,000 cases in the province (BENCH_CASES), spread over its
 * communes and 400 workers and 130 supervisors, with a read log of 10 reads a case; then, timed: a
 * worker's case list, a supervisor's, the province's and a commune's overview, one case opened
 * (with its read logged) and a case's access log. Medians and p95 over 200 calls each.
 *
 *   npx tsx bench/cases.ts            # PGlite; + PostgreSQL when TRE_BENCH_DATABASE_URL is set
 */
import { sql } from 'kysely';
import { bootstrap } from '../packages/server/src/bootstrap.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import type { Db } from '../packages/server/src/db/pool.ts';
import { onEachEngine, printTimings, timed } from './legs.ts';
import { listCases, readCase } from '../packages/server/src/cases/service.ts';
import { caseOverview } from '../packages/server/src/cases/overview.ts';
import { caseAccessLog } from '../packages/server/src/cases/team.ts';
import type { SessionActor } from '../packages/server/src/audit/session-actor.ts';

const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const PROVINCE = '40';
const CALLS = 200;

/** Users, children and cases written set-wise: the generator is not what is measured. */
async function fill(db: Db) {
  const t0 = performance.now();
  await sql`
    WITH cs AS (SELECT array_agg(code ORDER BY code) AS a FROM commune WHERE province_code = ${PROVINCE})
    INSERT INTO app_user (province_code, username, display_name, password_hash, role, commune_code)
    SELECT ${PROVINCE}, 'bench-w' || g, 'Cán bộ ' || g, 'x', CASE WHEN g <= 130 THEN 'commune_officer' ELSE 'case_worker' END,
      cs.a[1 + g % 130]
    FROM generate_series(1, 530) g, cs
  `.execute(db.kysely);
  await sql`
    WITH cs AS (SELECT array_agg(code ORDER BY code) AS a FROM commune WHERE province_code = ${PROVINCE})
    INSERT INTO child (commune_code, full_name, name_key, birth_date, sex, source_kind)
    SELECT cs.a[1 + g % 130], 'Trẻ thử ' || g, 'tre thu ' || g, date '2012-01-01' + (g % 3000),
      CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END, 'screen'
    FROM generate_series(1, ${CASES}) g, cs
  `.execute(db.kysely);
  // workers and supervisors as arrays, each case taking one by its id: no lookup per row
  await sql`
    WITH s AS (SELECT array_agg(id ORDER BY username) AS a FROM app_user WHERE username LIKE 'bench-w%' AND role = 'commune_officer'),
    k AS (SELECT array_agg(id ORDER BY username) AS a FROM app_user WHERE username LIKE 'bench-w%' AND role = 'case_worker')
    INSERT INTO child_case (province_code, number, commune_code, child_id, status, received_at, channel, abuse_forms, facts,
      urgency, emergency_required, emergency_due, plan_due, plan_met_at, worker_id, supervisor_id, intake_by)
    SELECT ${PROVINCE}, 'B-' || c.id, c.commune_code, c.id,
      (ARRAY['received','verified','in_progress','review','closed','closed'])[1 + c.id % 6],
      now() - (c.id % 700) * interval '1 day', 'hotline_111', ARRAY['violence'], 'Tin báo', 'normal', c.id % 10 = 0,
      now() - (c.id % 700) * interval '1 day' + interval '12 hours', now() - (c.id % 700) * interval '1 day' + interval '7 days',
      CASE WHEN c.id % 3 = 0 THEN now() END, k.a[1 + c.id % 400], s.a[1 + c.id % 130], NULL
    FROM child c, s, k
  `.execute(db.kysely);
  await sql`
    INSERT INTO read_log (province_code, at, user_id, username, method, kind, record_id, route, status, ip)
    SELECT ${PROVINCE}, now() - (g % 1000) * interval '1 hour', k.worker_id, 'bench', 'GET', 'case', k.id::text,
      '/api/cases/:id', 200, '127.0.0.1'
    FROM child_case k, generate_series(1, 10) g
  `.execute(db.kysely);
  await sql`ANALYZE`.execute(db.kysely);
  return (performance.now() - t0) / 1000;
}

async function actorOf(db: Db, role: 'case_worker' | 'commune_officer', i: number): Promise<SessionActor> {
  const u = await db.kysely
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'commune_code'])
    .where('username', 'like', 'bench-w%')
    .where('role', '=', role)
    .orderBy('username')
    .offset(i)
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role,
    agencyId: null,
    communeCode: u.commune_code,
    provinceCode: PROVINCE,
    csrfToken: '',
    ip: null,
  };
}

async function leg(engine: string, db: Db) {
  await bootstrap(db, { ...loadConfig(), provinceCode: PROVINCE });
  const seconds = await fill(db);
  const worker = await actorOf(db, 'case_worker', 7);
  const supervisor = await actorOf(db, 'commune_officer', 3);
  const province: SessionActor = { ...supervisor, role: 'provincial_officer', communeCode: null };
  const mine = await listCases(db.kysely, worker);
  const supervised = await listCases(db.kysely, supervisor);
  const caseId = supervised[0]?.id ?? 0;
  const rows = [
    [`worker's list (${mine.length} cases)`, await timed(CALLS, () => listCases(db.kysely, worker))],
    [`supervisor's list (${supervised.length} cases)`, await timed(CALLS, () => listCases(db.kysely, supervisor))],
    ['overview, province', await timed(CALLS, () => caseOverview(db.kysely, province, undefined))],
    ['overview, one commune', await timed(CALLS, () => caseOverview(db.kysely, supervisor, undefined))],
    ['one case opened', await timed(CALLS, () => readCase(db.kysely, supervisor, caseId))],
    [
      `its access log (read log ${(CASES * 10).toLocaleString('en-US')} rows)`,
      await timed(CALLS, () => caseAccessLog(db.kysely, supervisor, caseId)),
    ],
  ] as const;
  console.log(
    `${engine.padEnd(8)} ${CASES.toLocaleString('en-US')} cases and ${(CASES * 10).toLocaleString('en-US')} read-log rows written in ${seconds.toFixed(1)} s`,
  );
  printTimings(rows, 100);
}

await onEachEngine('cases', leg);
