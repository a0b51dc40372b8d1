import { casesPermissions, periodEnd, periodStart, scopeOf, type AbuseForm } from '@tre/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type SessionActor } from '../audit/session-actor.ts';
import { forbidden } from '../errors.ts';
import { periodOf } from '../indicators/period.ts';
import { publishCounts, sexAgeCells } from '../indicators/publish.ts';

/**
 * The figures of the cases, counted, never copied by hand, with no child identifiable: reports
 * received in a period, by form of abuse, sex and age group (at the report), how many met each legal
 * clock in time, how many were closed. Indicator 9's numerator (CHILDREN_ABUSED, by sex and age
 * group, per commune) is the number of children with a report received in the period that its
 * verification found substantiated; publishing writes it as the communes' data values.
 */

export const CASES_ELEMENT = 'CHILDREN_ABUSED';

function bounds(period: string) {
  const p = periodOf(period);
  // the period's days in Vietnam time, as instants
  return {
    from: new Date(`${periodStart(p)}T00:00:00+07:00`),
    to: new Date(new Date(`${periodEnd(p)}T00:00:00+07:00`).getTime() + 86_400_000),
    end: periodEnd(p),
  };
}

function communeScope(actor: SessionActor, asked: string | undefined): string | null {
  const scope = scopeOf(casesPermissions, 'cases.statistics', actor);
  if (scope === undefined) throw forbidden();
  if (scope === 'own_commune') {
    if (asked && asked !== actor.communeCode) throw forbidden();
    return actor.communeCode ?? '';
  }
  return asked ?? null;
}

export interface CaseStatistics {
  period: string;
  reports: number;
  substantiated: number;
  byForm: Record<AbuseForm, number>;
  bySexAge: { sex: 'male' | 'female'; ageGroup: 'u6' | '6_11' | '12_15'; children: number }[];
  emergency: { required: number; inTime: number };
  plan: { due: number; inTime: number };
  closed: number;
}

/**
 * A report counts as abuse when its verification found it substantiated, or when emergency measures
 * were taken on it and no verification found it unfounded (a child removed from danger was in it).
 * The case row is `k`; the communes' recognition counts with the same rule.
 */
export const SUBSTANTIATED = sql`(
  EXISTS (SELECT 1 FROM child_case_step s WHERE s.case_id = k.id AND s.action = 'verify' AND (s.data->>'substantiated')::boolean)
  OR (k.emergency_met_at IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM child_case_step s WHERE s.case_id = k.id AND s.action = 'verify' AND NOT (s.data->>'substantiated')::boolean)))`;

/** Substantiated children per commune, sex and age group (at the report): indicator 9's numerator. */
async function abusedChildren(db: Kysely<Database>, provinceCode: string, from: Date, to: Date, commune: string | null) {
  const where = commune === null ? sql`` : sql`AND k.commune_code = ${commune}`;
  const rows = await sql<{ commune_code: string; sex: 'male' | 'female'; age_group: 'u6' | '6_11' | '12_15'; n: number }>`
    WITH kids AS (
      SELECT DISTINCT ON (k.child_id) k.child_id, k.commune_code, c.sex,
        date_part('year', age(((k.received_at AT TIME ZONE 'UTC') + interval '7 hours')::date, c.birth_date)) AS years
      FROM child_case k JOIN child c ON c.id = k.child_id
      WHERE k.province_code = ${provinceCode} AND k.received_at >= ${from} AND k.received_at < ${to} AND ${SUBSTANTIATED} ${where}
      ORDER BY k.child_id, k.received_at
    )
    SELECT commune_code, sex, CASE WHEN years < 6 THEN 'u6' WHEN years < 12 THEN '6_11' ELSE '12_15' END AS age_group, count(*)::int AS n
    FROM kids GROUP BY 1, 2, 3
  `.execute(db);
  return rows.rows;
}

export async function caseStatistics(
  db: Kysely<Database>,
  actor: SessionActor,
  period: string,
  asked?: string,
): Promise<CaseStatistics> {
  const commune = communeScope(actor, asked);
  const { from, to } = bounds(period);
  const where = commune === null ? sql`` : sql`AND k.commune_code = ${commune}`;
  const totals = await sql<Record<string, number>>`
    SELECT count(*)::int AS reports,
      count(*) FILTER (WHERE ${SUBSTANTIATED})::int AS substantiated,
      count(*) FILTER (WHERE k.emergency_required)::int AS emergency_required,
      count(*) FILTER (WHERE k.emergency_required AND k.emergency_met_at <= k.emergency_due)::int AS emergency_in_time,
      count(*) FILTER (WHERE k.plan_due < now() OR k.plan_met_at IS NOT NULL)::int AS plan_due,
      count(*) FILTER (WHERE k.plan_met_at <= k.plan_due)::int AS plan_in_time,
      count(*) FILTER (WHERE k.status = 'closed')::int AS closed,
      ${sql.join(
        (['violence', 'exploitation', 'sexual_abuse', 'trafficking', 'abandonment', 'neglect', 'other_harm'] as const).map(
          (f) => sql`count(*) FILTER (WHERE ${f} = ANY(k.abuse_forms))::int AS ${sql.ref(`form_${f}`)}`,
        ),
      )}
    FROM child_case k WHERE k.province_code = ${actor.provinceCode} AND k.received_at >= ${from} AND k.received_at < ${to} ${where}
  `.execute(db);
  const t = totals.rows[0] ?? {};
  const children = await abusedChildren(db, actor.provinceCode, from, to, commune);
  const bySexAge = new Map<string, CaseStatistics['bySexAge'][number]>();
  for (const r of children) {
    const key = `${r.sex}|${r.age_group}`;
    const cell = bySexAge.get(key) ?? { sex: r.sex, ageGroup: r.age_group, children: 0 };
    cell.children += r.n;
    bySexAge.set(key, cell);
  }
  return {
    period,
    reports: t.reports ?? 0,
    substantiated: t.substantiated ?? 0,
    byForm: Object.fromEntries(
      ['violence', 'exploitation', 'sexual_abuse', 'trafficking', 'abandonment', 'neglect', 'other_harm'].map((f) => [
        f,
        t[`form_${f}`] ?? 0,
      ]),
    ) as Record<AbuseForm, number>,
    bySexAge: [...bySexAge.values()],
    emergency: { required: t.emergency_required ?? 0, inTime: t.emergency_in_time ?? 0 },
    plan: { due: t.plan_due ?? 0, inTime: t.plan_in_time ?? 0 },
    closed: t.closed ?? 0,
  };
}

/**
 * Writes indicator 9's numerator of a period for every commune of the province that has a case
 * (zeros included, so that a report found unfounded lowers the figure); communes whose figures for
 * the period are locked by an accepted report are left as accepted and named in the reply.
 */
export async function publishCaseFigures(db: Kysely<Database>, actor: SessionActor, period: string) {
  if (scopeOf(casesPermissions, 'cases.publish', actor) !== 'province') throw forbidden();
  const { from, to } = bounds(period);
  const rows = await abusedChildren(db, actor.provinceCode, from, to, null);
  const withCases = await db
    .selectFrom('child_case')
    .select('commune_code')
    .distinct()
    .where('province_code', '=', actor.provinceCode)
    .execute();
  const byCell = new Map(rows.map((r) => [`${r.commune_code}|${r.sex}|${r.age_group}`, r.n]));
  return publishCounts(db, actor, {
    period,
    unitKind: 'commune',
    units: withCases.map((c) => c.commune_code),
    cellsOf: (unit) => sexAgeCells(CASES_ELEMENT, (sex, age) => byCell.get(`${unit}|${sex}|${age}`) ?? 0),
    auditId: `cases/${period}`,
  });
}
