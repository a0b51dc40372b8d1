import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * SQL of the round board. One round: its bodies (round_body, primary key), their submissions (unique
 * (round, unit)), the figures each has entered for the period (data_value's primary key leads with
 * province, period, unit: one range per round, ~40 rows a body) and its reminders (unique key on
 * round, unit, step, channel). Four indexed reads whatever the number of rounds in the province.
 */
export async function submissionsOfRound(db: Kysely<Database>, roundId: string) {
  return db
    .selectFrom('submission')
    .select(['id', 'unit_kind', 'unit_code', 'state', 'first_submitted_at', 'submitted_after_close', 'explanations'])
    .where('round_id', '=', roundId)
    .execute();
}

/** Per body of the round, the elements that have a total figure for the period. */
export async function enteredElements(db: Kysely<Database>, provinceCode: string, roundId: string, period: string) {
  const rows = await sql<{ unit_code: string; elements: string[] }>`
    SELECT v.unit_code, array_agg(v.element_code) AS elements
    FROM data_value v
    WHERE v.province_code = ${provinceCode} AND v.period = ${period} AND v.disaggregation = ''
      AND v.unit_code IN (SELECT unit_code FROM round_body WHERE round_id = ${roundId})
    GROUP BY v.unit_code
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.unit_code, new Set(r.elements)]));
}

/** Per body, the reminders sent: how many, the last one and its step. */
export async function remindersSent(db: Kysely<Database>, roundId: string) {
  const rows = await sql<{ unit_code: string; n: number; last_at: Date | null; last_step: string | null }>`
    SELECT unit_code, count(*)::int AS n, max(sent_at) AS last_at,
           (array_agg(step ORDER BY sent_at DESC NULLS LAST))[1] AS last_step
    FROM reminder WHERE round_id = ${roundId} AND sent_at IS NOT NULL
    GROUP BY unit_code
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.unit_code, r]));
}

/**
 * Every round of the province with its counts, in one aggregate: owed from round_body, the rest from
 * submission. On time is judged on the date in Vietnam (UTC+7, no daylight saving) of the first sending.
 */
export async function roundCounts(db: Kysely<Database>, provinceCode: string) {
  const rows = await sql<{
    id: string;
    owed: number;
    submitted: number;
    on_time: number;
    accepted: number;
    returned: number;
  }>`
    SELECT r.id,
      (SELECT count(*)::int FROM round_body b WHERE b.round_id = r.id) AS owed,
      count(s.id) FILTER (WHERE s.first_submitted_at IS NOT NULL)::int AS submitted,
      count(s.id) FILTER (WHERE (s.first_submitted_at AT TIME ZONE 'UTC' + interval '7 hours')::date <= r.deadline)::int AS on_time,
      count(s.id) FILTER (WHERE s.state = 'accepted')::int AS accepted,
      count(s.id) FILTER (WHERE s.state = 'returned')::int AS returned
    FROM reporting_round r
    LEFT JOIN submission s ON s.round_id = r.id
      AND EXISTS (SELECT 1 FROM round_body b WHERE b.round_id = r.id AND b.unit_kind = s.unit_kind AND b.unit_code = s.unit_code)
    WHERE r.province_code = ${provinceCode}
    GROUP BY r.id
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r]));
}

/** The rounds a body owes, newest first, with its own submission if it has one. */
export async function roundsOwedBy(db: Kysely<Database>, provinceCode: string, unitCode: string) {
  return db
    .selectFrom('round_body as b')
    .innerJoin('reporting_round as r', 'r.id', 'b.round_id')
    .leftJoin('submission as s', (j) => j.onRef('s.round_id', '=', 'b.round_id').onRef('s.unit_code', '=', 'b.unit_code'))
    .select(['r.id', 'r.title', 'r.period', 'r.deadline', 'r.plan_id', 'r.closed_at', 's.state', 's.first_submitted_at'])
    .where('b.unit_code', '=', unitCode)
    .where('r.province_code', '=', provinceCode)
    .orderBy('r.opened_at', 'desc')
    .limit(100)
    .execute();
}
