import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The aggregation in SQL: one GROUP BY over data_value, never all rows into JS.
 *
 * Step 1 (CTE `totals`): one figure per (period, unit, element), resolved as core values.ts does —
 * the explicit total ('' disaggregation) wins, else the sum of the parts.
 * Step 2: per measure, a unit counts only when both its numerator and denominator are present
 * (inner join of the two totals on unit and period), and the sums of numerators and denominators
 * over those units are returned with the number of units that reported. The ratio × factor is
 * taken in JS from the two sums (core aggregate.ts), so a rate is never averaged.
 */

export type UnitScope =
  /** the communes of the province (joined to commune: a code of another province never counts) */
  | { kind: 'communes'; communes?: string[] }
  /** one unit (a commune, an agency, or the province itself) */
  | { kind: 'unit'; code: string }
  /** the province's own figures and its agencies' */
  | { kind: 'above_communes' };

export interface MeasureSumRow {
  measure: string;
  period: string;
  unit: string | null;
  numerator: number;
  denominator: number;
  reported: number;
}

function scopeFilter(provinceCode: string, scope: UnitScope): RawBuilder<unknown> {
  switch (scope.kind) {
    case 'communes':
      return sql`dv.unit_kind = 'commune' AND EXISTS (SELECT 1 FROM commune c WHERE c.code = dv.unit_code AND c.province_code = ${provinceCode})${
        scope.communes ? sql` AND dv.unit_code IN (${sql.join(scope.communes)})` : sql``
      }`;
    case 'unit':
      return sql`dv.unit_code = ${scope.code}`;
    case 'above_communes':
      return sql`dv.unit_kind IN ('province', 'agency')`;
  }
}

export async function measureSums(
  db: Kysely<Database>,
  opts: {
    provinceCode: string;
    periods: string[];
    scope: UnitScope;
    /** only these measures (all when absent) */
    measures?: string[];
    /** one row per unit as well as per measure and period (rankings) */
    byUnit?: boolean;
  },
): Promise<MeasureSumRow[]> {
  const { provinceCode, periods, scope } = opts;
  if (periods.length === 0 || opts.measures?.length === 0) return [];
  const measureFilter = opts.measures ? sql`AND m.code IN (${sql.join(opts.measures)})` : sql``;
  const elementFilter = opts.measures
    ? sql`AND dv.element_code IN (SELECT numerator FROM measure WHERE code IN (${sql.join(opts.measures)})
          UNION SELECT denominator FROM measure WHERE code IN (${sql.join(opts.measures)}))`
    : sql``;
  const unitColumn = opts.byUnit ? sql`n.unit_code` : sql`NULL::text`;
  const groupUnit = opts.byUnit ? sql`, n.unit_code` : sql``;
  const result = await sql<MeasureSumRow>`
    WITH totals AS (
      SELECT dv.period, dv.unit_code, dv.element_code,
             coalesce(max(dv.value) FILTER (WHERE dv.disaggregation = ''), sum(dv.value)) AS value
      FROM data_value dv
      WHERE dv.province_code = ${provinceCode}
        AND dv.period IN (${sql.join(periods)})
        AND ${scopeFilter(provinceCode, scope)}
        ${elementFilter}
      GROUP BY dv.period, dv.unit_code, dv.element_code
    )
    SELECT m.code AS measure, n.period, ${unitColumn} AS unit,
           sum(n.value) AS numerator, sum(d.value) AS denominator, count(*)::int AS reported
    FROM measure m
    JOIN totals n ON n.element_code = m.numerator
    JOIN totals d ON d.element_code = m.denominator AND d.unit_code = n.unit_code AND d.period = n.period
    WHERE true ${measureFilter}
    GROUP BY m.code, n.period${groupUnit}
  `.execute(db);
  return result.rows.map((r) => ({ ...r, numerator: Number(r.numerator), denominator: Number(r.denominator) }));
}

/** The most recent plan covering a year, per measure: its target rows for that measure. */
export async function planTargets(db: Kysely<Database>, provinceCode: string, year: number) {
  return db
    .selectFrom('measure_target as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select([
      't.plan_id',
      'p.title',
      'p.created_at',
      't.measure_code',
      't.year',
      't.op',
      't.value',
      't.baseline_year',
      't.baseline_value',
    ])
    .where('p.province_code', '=', provinceCode)
    .where((eb) => eb.or([eb('p.year_from', 'is', null), eb('p.year_from', '<=', year)]))
    .where((eb) => eb.or([eb('p.year_to', 'is', null), eb('p.year_to', '>=', year)]))
    .orderBy('p.created_at', 'desc')
    .orderBy('t.year')
    .execute();
}
