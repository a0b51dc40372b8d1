/**
 * Children's voices' benchmark (issue 17): a province (Nghệ An, 130 communes) after years of use —
 * 20,000 consultations, forums and council meetings with their counts, 100,000 opinions sent to the
 * departments and communes (a tenth still unanswered, some long overdue) and 50,000 complaints and
 * denunciations spread over 200 handlers (those of the last two months open, a running clock each); then, timed: the overdue
 * opinions (`tre voices overdue`, the standing body's list), a department's inbox, the province's
 * participation counts of a year (indicators 22–24), a handler's complaints nearest clock first,
 * the complaints past a clock and the province's complaint statistics. Medians and p95 over 100 calls.
 *
 *   npx tsx bench/voices.ts           # PGlite; + PostgreSQL when TRE_BENCH_DATABASE_URL is set
 */
import { sql } from 'kysely';
import { DEFAULT_CLOCK_RULES, Role } from '@tre/core';
import { bootstrap } from '../packages/server/src/bootstrap.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import type { Db } from '../packages/server/src/db/pool.ts';
import { onEachEngine, printTimings, timed } from './legs.ts';
import { commandLineActor, type SessionActor } from '../packages/server/src/audit/session-actor.ts';
import { inbox, overdueOpinions } from '../packages/server/src/voices/opinions/service.ts';
import { participationStatistics } from '../packages/server/src/voices/opinions/statistics.ts';
import { listComplaints } from '../packages/server/src/voices/complaints/service.ts';
import { overdueComplaints } from '../packages/server/src/voices/complaints/overdue.ts';
import { complaintStatistics } from '../packages/server/src/voices/complaints/statistics.ts';

const PROVINCE = '40';
const EVENTS = Number(process.env.BENCH_VOICE_EVENTS ?? 20_000);
const OPINIONS = EVENTS * 5;
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 50_000);
const CALLS = 100;

/** Events, counts, opinions, users and complaints written set-wise: the generator is not what is measured. */
async function fill(db: Db) {
  const t0 = performance.now();
  await sql`
    WITH cs AS (SELECT array_agg(code ORDER BY code) AS a FROM commune WHERE province_code = ${PROVINCE})
    INSERT INTO voice_event (province_code, kind, topic, organiser_name, held_on, place, commune_code)
    SELECT ${PROVINCE}, (ARRAY['consultation','forum','council_meeting','club','training'])[1 + g % 5], 'Chủ đề ' || g,
      'UBND xã', date '2023-01-01' + (g % 1400), 'Nhà văn hóa', cs.a[1 + g % 130]
    FROM generate_series(1, ${EVENTS}) g, cs
  `.execute(db.kysely);
  await sql`
    INSERT INTO voice_event_count (event_id, age_group, sex, n)
    SELECT e.id, a.g, s.s, (e.id % 17) + 1 FROM voice_event e,
      unnest(ARRAY['u7','7_10','11_15','16_17']) a(g), unnest(ARRAY['male','female']) s(s)
  `.execute(db.kysely);
  // opinions to the departments and the communes; one in ten still unanswered, sent over four years
  await sql`
    WITH ag AS (SELECT array_agg(id ORDER BY short_name) AS a, count(*)::int AS n FROM agency WHERE province_code = ${PROVINCE}),
    ev AS (SELECT array_agg(id ORDER BY id) AS a FROM voice_event)
    INSERT INTO voice_opinion (province_code, event_id, text, sent_to_name, sent_to_agency_id, sent_to_commune_code, state,
      sent_on, answer_text, answered_by, answered_on)
    SELECT ${PROVINCE}, ev.a[1 + g % ${EVENTS}], 'Kiến nghị ' || g, 'Cơ quan',
      CASE WHEN g % 2 = 0 THEN ag.a[1 + g % ag.n] END,
      CASE WHEN g % 2 = 1 THEN (SELECT code FROM commune WHERE province_code = ${PROVINCE} ORDER BY code OFFSET g % 130 LIMIT 1) END,
      CASE WHEN g % 10 = 0 THEN 'sent' ELSE 'answered' END, date '2023-01-01' + (g % 1400),
      CASE WHEN g % 10 <> 0 THEN 'Trả lời' END, CASE WHEN g % 10 <> 0 THEN 'Lãnh đạo' END,
      CASE WHEN g % 10 <> 0 THEN date '2023-01-15' + (g % 1400) END
    FROM generate_series(1, ${OPINIONS}) g, ag, ev
  `.execute(db.kysely);
  await sql`
    WITH cs AS (SELECT array_agg(code ORDER BY code) AS a FROM commune WHERE province_code = ${PROVINCE})
    INSERT INTO app_user (province_code, username, display_name, password_hash, role, commune_code)
    SELECT ${PROVINCE}, 'bench-h' || g, 'Cán bộ ' || g, 'x', 'commune_officer', cs.a[1 + g % 130]
    FROM generate_series(1, 200) g, cs
  `.execute(db.kysely);
  // complaints over three years: those of the last two months still open (half not yet accepted, some
  // of them past the 10 days), the older ones closed with their clocks met
  await sql`
    WITH h AS (SELECT array_agg(id ORDER BY username) AS a FROM app_user WHERE username LIKE 'bench-h%'),
    c AS (SELECT g, now() - (g % 1000) * interval '1 day' AS at, g % 1000 > 60 AS old FROM generate_series(1, ${COMPLAINTS}) g)
    INSERT INTO complaint (province_code, number, kind, channel, status, received_at, content, anonymous, complainant_name,
      commune_code, handler_id, supervisor_id, rules, acceptance_due, acceptance_met_at, resolution_due, resolution_met_at)
    SELECT ${PROVINCE}, 'KN-' || g, CASE WHEN g % 3 = 0 THEN 'denunciation' ELSE 'complaint' END, 'letter',
      CASE WHEN old THEN 'closed' WHEN g % 2 = 0 THEN 'received' ELSE 'resolving' END, at,
      'Nội dung', false, 'Người gửi', (SELECT code FROM commune WHERE province_code = ${PROVINCE} ORDER BY code OFFSET g % 130 LIMIT 1),
      h.a[1 + g % 200], h.a[1 + (g + 7) % 200], ${JSON.stringify(DEFAULT_CLOCK_RULES.complaint)}::jsonb,
      at + interval '10 days', CASE WHEN old OR g % 2 = 1 THEN at + interval '5 days' END,
      CASE WHEN old OR g % 2 = 1 THEN at + interval '40 days' END, CASE WHEN old THEN at + interval '35 days' END
    FROM c, h
  `.execute(db.kysely);
  await sql`ANALYZE`.execute(db.kysely);
  return (performance.now() - t0) / 1000;
}

async function people(db: Db): Promise<{ department: SessionActor; handler: SessionActor }> {
  const gd = await db.kysely.selectFrom('agency').select('id').where('short_name', '=', 'Sở GD&ĐT').executeTakeFirstOrThrow();
  const h = await db.kysely
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'commune_code'])
    .where('username', '=', 'bench-h17')
    .executeTakeFirstOrThrow();
  const base = { csrfToken: '', ip: null, provinceCode: PROVINCE };
  return {
    department: {
      ...base,
      id: h.id,
      username: 'bench-gd',
      displayName: 'Sở GD&ĐT',
      role: Role.AgencyReporter,
      agencyId: gd.id,
      communeCode: null,
    },
    handler: {
      ...base,
      id: h.id,
      username: h.username,
      displayName: h.display_name,
      role: Role.CommuneOfficer,
      agencyId: null,
      communeCode: h.commune_code,
    },
  };
}

async function leg(engine: string, db: Db) {
  await bootstrap(db, { ...loadConfig(), provinceCode: PROVINCE });
  const seconds = await fill(db);
  const { department, handler } = await people(db);
  const province = commandLineActor(PROVINCE);
  const now = new Date();
  const overdue = await overdueOpinions(db.kysely, PROVINCE, now);
  const mine = await listComplaints(db.kysely, handler, now);
  const late = await overdueComplaints(db.kysely, now);
  const inboxRows = await inbox(db.kysely, department, now);
  const rows = [
    [
      `overdue opinions (${overdue.opinions.length.toLocaleString('en-US')})`,
      await timed(CALLS, () => overdueOpinions(db.kysely, PROVINCE, now)),
    ],
    [
      `a department's inbox (${inboxRows.length.toLocaleString('en-US')})`,
      await timed(CALLS, () => inbox(db.kysely, department, now)),
    ],
    ['participation counts, province, 2025', await timed(CALLS, () => participationStatistics(db.kysely, province, '2025'))],
    [`a handler's complaints (${mine.length})`, await timed(CALLS, () => listComplaints(db.kysely, handler, now))],
    [
      `complaints past a clock (${late.length.toLocaleString('en-US')})`,
      await timed(CALLS, () => overdueComplaints(db.kysely, now)),
    ],
    [
      'complaint statistics, province, 2025',
      await timed(CALLS, () => complaintStatistics(db.kysely, province, 2025, undefined, now)),
    ],
  ] as const;
  console.log(
    `${engine.padEnd(8)} ${EVENTS.toLocaleString('en-US')} events, ${OPINIONS.toLocaleString('en-US')} opinions, ${COMPLAINTS.toLocaleString('en-US')} complaints written in ${seconds.toFixed(1)} s`,
  );
  printTimings(rows, 200);
}

await onEachEngine('voices', leg);
