import {
  formatPeriod,
  measureProgress,
  relativeProgress,
  targetForYear,
  type Measure,
  type MeasureStatusDto,
  type Period,
  type TargetDto,
  type TrendDto,
} from '@tre/core';
import type { PlanTargetRow } from './repository.ts';

/**
 * Which plan target a measure is judged against in a year, and the judgement (core progress.ts for
 * a level, relative-progress.ts for a relative target).
 *
 * THE TARGET OF A YEAR: the most recent plan covering the year that has a target for the measure;
 * of its targets, the level that applies (core targetForYear), else the relative target that does.
 * A level comes first: it is what the plan commits the measure to reach, and the dashboard shows
 * one target per measure; the plan's page lists every target of either kind.
 *
 * THE REFERENCE of a relative target: the same period one year earlier for a yearly change
 * ("mỗi năm": 2025 against 2024, 2025S1 against 2024S1), the same period of the reference year for
 * "so với năm 2020". For the province the plan's baseline stands for the reference year when it is
 * of that year (a person set it on purpose); otherwise, and for a commune, its measured value.
 */

function targetDto(r: PlanTargetRow): TargetDto {
  return {
    year: r.year,
    op: r.op,
    value: r.value,
    planId: r.plan_id,
    planTitle: r.title,
    baseline: r.baseline_year !== null && r.baseline_value !== null ? { year: r.baseline_year, value: r.baseline_value } : null,
    ...(r.kind === 'relative' && r.change
      ? { relative: { change: r.change, reference: r.reference_year ?? 'previous-year', valueTo: r.value_to } }
      : {}),
  };
}

/** Per measure, the target for the year (see the header). */
export function targetsOfYear(rows: readonly PlanTargetRow[], year: number): Map<string, TargetDto> {
  const covering = rows.filter((r) => (r.year_from === null || r.year_from <= year) && (r.year_to === null || r.year_to >= year));
  const planOf = new Map<string, string>();
  // rows come most recent plan first: the first plan seen for a measure is the one that applies
  for (const r of covering) if (!planOf.has(r.measure_code)) planOf.set(r.measure_code, r.plan_id);
  const byMeasure = new Map<string, TargetDto>();
  for (const [measure, planId] of planOf) {
    const mine = covering.filter((r) => r.measure_code === measure && r.plan_id === planId);
    const t =
      targetForYear(
        mine.filter((r) => r.kind === 'level'),
        year,
      ) ??
      targetForYear(
        mine.filter((r) => r.kind === 'relative'),
        year,
      );
    if (t) byMeasure.set(measure, targetDto(t));
  }
  return byMeasure;
}

/** The period whose value a relative target's change is measured against; null for a level. */
export function referencePeriod(period: Period, target: TargetDto | null): string | null {
  const rel = target?.relative;
  if (!rel) return null;
  const year = rel.reference === 'previous-year' ? period.year - 1 : rel.reference;
  return formatPeriod({ type: period.type, year, index: period.index });
}

/** The reference value: the plan's baseline of the reference year for the province, else the measured value. */
export function referenceValue(target: TargetDto | null, measured: number | null, province: boolean): number | null {
  const rel = target?.relative;
  const b = target?.baseline;
  if (province && rel && typeof rel.reference === 'number' && b && b.year === rel.reference) return b.value;
  return measured;
}

export interface Judgement {
  status: MeasureStatusDto;
  expected: number | null;
  change: number | null;
  trend: TrendDto | null;
}

export function judge(
  m: Measure,
  value: number | null,
  previous: number | null,
  year: number,
  target: TargetDto | null,
  reference: number | null = null,
): Judgement {
  if (target?.relative) {
    const { relative, op, value: required } = target;
    return relativeProgress({
      direction: m.direction,
      value,
      year,
      target: { year: target.year, op, value: required, change: relative.change, reference: relative.reference },
      referenceValue: reference,
      previous: [previous],
    });
  }
  const p = measureProgress({
    direction: m.direction,
    value,
    year,
    target,
    baseline: target?.baseline ?? null,
    previous: [previous],
  });
  return { status: p.status, expected: p.expected, change: null, trend: p.trend };
}
