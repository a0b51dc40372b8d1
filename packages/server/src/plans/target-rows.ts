import type { IndicatorTarget } from '@tre/core';
import type { Selectable } from 'kysely';
import type { PlanIndicatorTargetTable } from '../db/schema.ts';

/**
 * A plan's indicator target between tre.plan/v1 (core plan-format.ts) and its row
 * (plan_indicator_target, migration 0010). A relative target's 'previous-year' reference is a null
 * reference year; Tre's optional extensions are written back only when they hold something, so a
 * plan that came without them exports as it came.
 */
export function targetRow(
  planId: string,
  indicatorPosition: number,
  position: number,
  t: IndicatorTarget,
): Selectable<PlanIndicatorTargetTable> {
  const relative = t.kind === 'relative';
  return {
    plan_id: planId,
    indicator_position: indicatorPosition,
    position,
    year: t.year,
    value: t.value,
    unit: t.unit,
    op: t.op,
    measure: t.measure,
    kind: relative ? 'relative' : 'level',
    change: relative ? (t.change ?? null) : null,
    reference_year: relative && typeof t.reference === 'number' ? t.reference : null,
    value_to: relative ? (t.valueTo ?? null) : null,
    op_word: t.opWord ?? null,
    clause: t.text ?? null,
    measure_code: t.measureCode ?? null,
  };
}

export function targetOfRow(r: Selectable<PlanIndicatorTargetTable>): IndicatorTarget {
  return {
    year: r.year,
    value: r.value,
    unit: r.unit,
    op: r.op,
    measure: r.measure,
    ...(r.kind === 'relative' && r.change
      ? {
          kind: 'relative' as const,
          change: r.change,
          reference: r.reference_year ?? ('previous-year' as const),
          ...(r.value_to !== null ? { valueTo: r.value_to } : {}),
        }
      : {}),
    ...(r.op_word !== null ? { opWord: r.op_word } : {}),
    ...(r.clause !== null ? { text: r.clause } : {}),
    ...(r.measure_code !== null ? { measureCode: r.measure_code } : {}),
  };
}
