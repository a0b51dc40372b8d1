import { periodEnd, periodStart } from '@tre/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type SessionActor } from '../audit/session-actor.ts';
import { periodOf } from '../indicators/period.ts';
import { publishCounts, sexAgeCells } from '../indicators/publish.ts';
import { communeScopeOf } from './service.ts';

/**
 * The figures the indicators need, counted from the register, never typed again: per commune, by
 * sex and age group (at the period's end), the children in special circumstances (indicator 8's
 * numerator), those of them supported (a membership with the support received written down), and
 * those in a group that is a form of abuse (i violence, k exploitation, l sexual abuse, m
 * trafficking: indicator 9's numerator until the cases module counts cases). A child counts in a
 * period when one of their memberships was open during it and they were under 16 at its end.
 * No child is identifiable in them: counts only.
 */

/**
 * The elements the register publishes. CHILDREN_ABUSED (indicator 9's numerator) is the cases
 * module's to publish, from the substantiated reports (cases/statistics.ts): the register's count of
 * the abuse groups is shown on its statistics, never written as the figure too.
 */
export const REGISTER_ELEMENTS = {
  special: 'CHILDREN_SPECIAL_CIRCUMSTANCES',
  supported: 'CHILDREN_SPECIAL_CIRCUMSTANCES_SUPPORTED',
} as const;

const ABUSE_GROUPS = ['i', 'k', 'l', 'm'];

export interface RegisterCount {
  communeCode: string;
  sex: 'male' | 'female';
  ageGroup: 'u6' | '6_11' | '12_15';
  special: number;
  supported: number;
  abused: number;
}

function periodBounds(period: string): { start: string; end: string } {
  const p = periodOf(period);
  return { start: periodStart(p), end: periodEnd(p) };
}

export async function registerCounts(
  db: Kysely<Database>,
  actor: SessionActor,
  period: string,
  commune?: string,
): Promise<RegisterCount[]> {
  const communeCode = communeScopeOf(actor, 'children.statistics', commune);
  const { start, end } = periodBounds(period);
  const where = communeCode ? sql`AND c.commune_code = ${communeCode}` : sql``;
  const rows = await sql<{
    commune_code: string;
    sex: 'male' | 'female';
    age_group: RegisterCount['ageGroup'];
    special: number;
    supported: number;
    abused: number;
  }>`
    WITH kids AS (
      SELECT c.id, c.commune_code, c.sex, date_part('year', age(${end}::date, c.birth_date)) AS years,
        bool_or(g.support IS NOT NULL AND g.support <> '') AS supported,
        bool_or(g.grp = ANY(${ABUSE_GROUPS}::text[])) AS abused
      FROM child c JOIN child_group g ON g.child_id = c.id
      WHERE c.merged_into IS NULL AND c.birth_date <= ${end}::date AND c.birth_date > (${end}::date - interval '16 years')
        AND (g.started_on IS NULL OR g.started_on <= ${end}::date) AND (g.ended_on IS NULL OR g.ended_on >= ${start}::date)
        ${where}
      GROUP BY c.id
    )
    SELECT commune_code, sex, CASE WHEN years < 6 THEN 'u6' WHEN years < 12 THEN '6_11' ELSE '12_15' END AS age_group,
      count(*)::int AS special, count(*) FILTER (WHERE supported)::int AS supported, count(*) FILTER (WHERE abused)::int AS abused
    FROM kids GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  `.execute(db);
  return rows.rows.map((r) => ({
    communeCode: r.commune_code,
    sex: r.sex,
    ageGroup: r.age_group,
    special: r.special,
    supported: r.supported,
    abused: r.abused,
  }));
}

/**
 * Writes the counts of a period as data values of the communes of the province that keep children
 * in the register (every cell of those communes, zeros included, so that a child who left a group
 * lowers the figure); communes whose figures for the period are locked by an accepted report are
 * left as accepted and named in the reply.
 */
export async function publishRegisterFigures(db: Kysely<Database>, actor: SessionActor, period: string) {
  const counts = await registerCounts(db, actor, period);
  const inProvince = await db.selectFrom('commune').select('code').where('province_code', '=', actor.provinceCode).execute();
  const province = new Set(inProvince.map((c) => c.code));
  const kept = await db.selectFrom('child').select('commune_code').distinct().where('merged_into', 'is', null).execute();
  const byCell = new Map(counts.map((c) => [`${c.communeCode}|${c.sex}|${c.ageGroup}`, c]));
  const elements = Object.entries(REGISTER_ELEMENTS) as [keyof typeof REGISTER_ELEMENTS, string][];
  return publishCounts(db, actor, {
    period,
    unitKind: 'commune',
    units: kept.map((k) => k.commune_code).filter((c) => province.has(c)),
    cellsOf: (unit) =>
      elements.flatMap(([key, element]) => sexAgeCells(element, (sex, age) => byCell.get(`${unit}|${sex}|${age}`)?.[key] ?? 0)),
    auditId: `register/${period}`,
  });
}
