import type { Measure } from './catalogue-schema.ts';
import { resolveTotals, valueKey, type DataValue, type ElementTotals } from './values.ts';

/**
 * Aggregation of a measure over a group of units (the communes of a province, the departments, or
 * one unit alone) for one period.
 *
 * - The group's figure is Σ numerators / Σ denominators × factor. Rates are never averaged: a
 *   commune of 50 births and one of 5,000 do not weigh the same.
 * - A unit counts as reported for a measure only when both its numerator and its denominator are
 *   present. A unit with only one of them is left out of both sums (half a ratio would bias the
 *   figure) and listed as missing — never read as zero.
 * - completeness = units reported / units expected.
 * - Aggregates of disjoint unit groups combine by adding sums and counts (combineAggregates), so the
 *   province computed from its communes equals the province computed from any split of them.
 *
 * Aggregation over periods (a year from its halves) is not done here: counts of events (deaths,
 * dropouts) add up over periods but counts of people (children under 5) do not; that needs a
 * per-element aggregation type.
 */

export type AggregableMeasure = Pick<Measure, 'code' | 'numerator' | 'denominator' | 'factor'>;

export interface MeasureAggregate {
  measure: string;
  period: string;
  factor: number;
  numerator: number;
  denominator: number;
  /** numerator / denominator × factor; null when the denominator is 0 or no unit reported */
  value: number | null;
  unitsExpected: number;
  unitsReported: number;
  /** unitsReported / unitsExpected; null when no unit is expected */
  completeness: number | null;
  /** expected units that did not report both elements, in the order given */
  missingUnits: string[];
}

export interface AggregateScope {
  period: string;
  /** the units expected to report (duplicates ignored) */
  units: readonly string[];
}

/**
 * Counts are whole numbers ≤ 10^12 (counts.ts, and a CHECK in the database), so sums over every
 * commune stay exact and every ratio finite; the guard only keeps a figure that could not be
 * computed (a non-finite one, should a bad value ever get in) from reaching a reply as Infinity.
 */
function ratioOf(numerator: number, denominator: number, factor: number): number | null {
  const v = (numerator / denominator) * factor;
  return Number.isFinite(v) ? v : null;
}

function finish(a: Omit<MeasureAggregate, 'value' | 'completeness'>): MeasureAggregate {
  return {
    ...a,
    value: a.unitsReported > 0 && a.denominator !== 0 ? ratioOf(a.numerator, a.denominator, a.factor) : null,
    completeness: a.unitsExpected > 0 ? a.unitsReported / a.unitsExpected : null,
  };
}

export function aggregateMeasure(measure: AggregableMeasure, totals: ElementTotals, scope: AggregateScope): MeasureAggregate {
  let numerator = 0;
  let denominator = 0;
  let reported = 0;
  const missingUnits: string[] = [];
  const units = [...new Set(scope.units)];
  for (const unit of units) {
    const num = totals.get(valueKey(measure.numerator, unit, scope.period));
    const den = totals.get(valueKey(measure.denominator, unit, scope.period));
    if (!num || !den) {
      missingUnits.push(unit);
      continue;
    }
    numerator += num.value;
    denominator += den.value;
    reported++;
  }
  return finish({
    measure: measure.code,
    period: scope.period,
    factor: measure.factor,
    numerator,
    denominator,
    unitsExpected: units.length,
    unitsReported: reported,
    missingUnits,
  });
}

/** Every measure over one unit group, from raw data values (resolve once with resolveTotals to reuse). */
export function aggregateMeasures(
  measures: readonly AggregableMeasure[],
  values: Iterable<DataValue>,
  scope: AggregateScope,
): MeasureAggregate[] {
  const totals = resolveTotals(values);
  return measures.map((m) => aggregateMeasure(m, totals, scope));
}

/** Each unit on its own (for rankings and drill-down), in the order given. */
export function aggregateByUnit(measure: AggregableMeasure, totals: ElementTotals, scope: AggregateScope): MeasureAggregate[] {
  return [...new Set(scope.units)].map((unit) => aggregateMeasure(measure, totals, { period: scope.period, units: [unit] }));
}

/**
 * The aggregate of two disjoint unit groups from their aggregates: sums and counts add, the value
 * is recomputed from the sums. This is what makes totals agree from any level.
 */
export function combineAggregates(a: MeasureAggregate, b: MeasureAggregate): MeasureAggregate {
  if (a.measure !== b.measure || a.period !== b.period || a.factor !== b.factor) {
    throw new Error(`cannot combine ${a.measure} ${a.period} with ${b.measure} ${b.period}`);
  }
  return finish({
    measure: a.measure,
    period: a.period,
    factor: a.factor,
    numerator: a.numerator + b.numerator,
    denominator: a.denominator + b.denominator,
    unitsExpected: a.unitsExpected + b.unitsExpected,
    unitsReported: a.unitsReported + b.unitsReported,
    missingUnits: [...a.missingUnits, ...b.missingUnits],
  });
}
