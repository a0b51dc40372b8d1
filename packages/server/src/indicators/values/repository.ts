import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The aggregation in SQL: one GROUP BY, never all rows into JS.
 *
 * It reads measure_unit_value (migration 0004), which triggers keep equal to what core values.ts and
 * aggregate.ts give for each unit: per measure, unit and period, the numerator and denominator
 * resolved from data_value (the explicit total ('' disaggregation) wins, else the sum of the
 * parts), present only when the unit has BOTH. Here the sums of numerators and denominators over
 * the units of the scope are returned with the number of units that reported. The ratio × factor
 * is taken in JS from the two sums (core aggregate.ts), so a rate is never averaged.
 *
 * Cost: O(units in scope × measures × periods asked) rows read through the primary key
 * (province, period, unit, measure); data_value itself is not read.
 */

type UnitScope =
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
      return sql`v.unit_kind = 'commune' AND v.unit_code IN (SELECT c.code FROM commune c WHERE c.province_code = ${provinceCode})${
        scope.communes ? sql` AND v.unit_code IN (${sql.join(scope.communes)})` : sql``
      }`;
    case 'unit':
      return sql`v.unit_code = ${scope.code}`;
    case 'above_communes':
      return sql`v.unit_kind IN ('province', 'agency')`;
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
  const measureFilter = opts.measures ? sql`AND v.measure_code IN (${sql.join(opts.measures)})` : sql``;
  const unitColumn = opts.byUnit ? sql`v.unit_code` : sql`NULL::text`;
  const groupUnit = opts.byUnit ? sql`, v.unit_code` : sql``;
  const result = await sql<MeasureSumRow>`
    SELECT v.measure_code AS measure, v.period, ${unitColumn} AS unit,
           sum(v.numerator) AS numerator, sum(v.denominator) AS denominator, count(*)::int AS reported
    FROM measure_unit_value v
    WHERE v.province_code = ${provinceCode}
      AND v.period IN (${sql.join(periods)})
      AND ${scopeFilter(provinceCode, scope)}
      ${measureFilter}
    GROUP BY v.measure_code, v.period${groupUnit}
  `.execute(db);
  return result.rows;
}

/**
 * The measure targets of the plans covering any year of [from, to] (optionally of some measures
 * only), levels and relative targets, each with its plan's baseline for the measure (measure_baseline, null when none), the most
 * recent plan first: one query for a whole series of periods, whatever the number of measures.
 */
export async function planTargets(
  db: Kysely<Database>,
  provinceCode: string,
  years: { from: number; to: number },
  measures?: string[],
) {
  if (measures?.length === 0) return [];
  let q = db
    .selectFrom('measure_target as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .leftJoin('measure_baseline as b', (join) =>
      join.onRef('b.plan_id', '=', 't.plan_id').onRef('b.measure_code', '=', 't.measure_code'),
    )
    .select([
      't.plan_id',
      'p.title',
      'p.year_from',
      'p.year_to',
      't.measure_code',
      't.year',
      't.op',
      't.value',
      't.kind',
      't.change',
      't.reference_year',
      't.value_to',
      'b.year as baseline_year',
      'b.value as baseline_value',
    ])
    .where('p.province_code', '=', provinceCode)
    .where((eb) => eb.or([eb('p.year_from', 'is', null), eb('p.year_from', '<=', years.to)]))
    .where((eb) => eb.or([eb('p.year_to', 'is', null), eb('p.year_to', '>=', years.from)]));
  if (measures) q = q.where('t.measure_code', 'in', measures);
  return q.orderBy('p.created_at', 'desc').orderBy('p.id').orderBy('t.year').execute();
}
export type PlanTargetRow = Awaited<ReturnType<typeof planTargets>>[number];

/** The periods in which a unit of the province has a figure of one of these elements. */
export async function periodsWithData(db: Kysely<Database>, provinceCode: string, elements: string[]): Promise<string[]> {
  if (elements.length === 0) return [];
  const rows = await db
    .selectFrom('data_value')
    .select('period')
    .distinct()
    .where('province_code', '=', provinceCode)
    .where('element_code', 'in', elements)
    .execute();
  return rows.map((r) => r.period);
}

interface UnitsOfMeasure {
  measure: string;
  /** commune codes, in code order, of the communes that reported both elements */
  units: string[];
  numerators: number[];
  denominators: number[];
}

/**
 * Every commune of the province on every measure for one period, one row per measure with the
 * communes' figures as arrays (a few dozen rows cross the wire instead of communes × measures).
 */
export async function communeFiguresByMeasure(
  db: Kysely<Database>,
  provinceCode: string,
  period: string,
): Promise<UnitsOfMeasure[]> {
  const result = await sql<{
    measure: string;
    units: string[];
    numerators: (number | string)[];
    denominators: (number | string)[];
  }>`
    SELECT v.measure_code AS measure, array_agg(v.unit_code ORDER BY v.unit_code) AS units,
           array_agg(v.numerator ORDER BY v.unit_code) AS numerators,
           array_agg(v.denominator ORDER BY v.unit_code) AS denominators
    FROM measure_unit_value v
    WHERE v.province_code = ${provinceCode} AND v.period = ${period}
      AND ${scopeFilter(provinceCode, { kind: 'communes' })}
    GROUP BY v.measure_code
  `.execute(db);
  return result.rows.map((r) => ({
    measure: r.measure,
    units: r.units,
    numerators: r.numerators.map(Number),
    denominators: r.denominators.map(Number),
  }));
}
