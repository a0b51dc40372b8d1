import type { TargetChange, TargetReference } from '../plans/plan-format.ts';
import type { Direction, MeasureTargetOp } from './catalogue-schema.ts';
import { meetsTarget, measureTrend, type Progress } from './progress.ts';

/**
 * Progress against a relative target (issue 13): a change the measure must make, "giảm 4–5 % mỗi
 * năm" or "giảm 1/3 so với năm 2020", judged on the change achieved, never on the target's value
 * read as a level.
 *
 * THE FORMULA: the change is relative, in per cent of the reference value R:
 *   decrease: (R − V) / R × 100        increase: (V − R) / R × 100
 * where V is the value of the year judged. "Giảm 4 %" of a rate of 12.5 ‰ asks for 12 ‰, not
 * 8.5 ‰ (percentage points are not what the plans mean by a yearly reduction of a rate).
 *
 * The reference R:
 * - 'previous-year' ("mỗi năm", "hằng năm"): the measure's value of the year before the one judged.
 *   Each year is its own deadline: met when the change holds, at_risk when it falls short by at most
 *   AT_RISK_SHARE of the required change (boundary included), off_track beyond.
 * - a year ("so với năm 2020"): the value of that year (the plan's baseline when it is of that year,
 *   else the measured value; the caller decides). The change grows along a straight line from 0 in
 *   the reference year to the required change in the target year, as levels do in progress.ts:
 *   on_track when at or ahead of the line, at_risk within AT_RISK_SHARE of the required change,
 *   off_track beyond; in the target year on the line but unmet is at_risk, after it unmet is
 *   off_track. A year at or before the reference year has nothing to judge (no_target).
 *
 * Without a value for the year judged the status is no_data; without the reference value, or with a
 * reference of 0 (no change of nothing can be a share of it), it is insufficient_data ("không đủ dữ
 * liệu / not enough data"): never a change computed from a missing number.
 *
 * `expected` is the level the change asks for this year: R × (1 ∓ required change / 100), with the
 * line's share of it for a reference year; `change` is the change achieved, in %.
 */

const AT_RISK_SHARE = 0.1;

export interface RelativeTarget {
  year: number;
  op: MeasureTargetOp;
  /** the change required, in % of the reference value */
  value: number;
  change: TargetChange;
  reference: TargetReference;
}

export interface RelativeProgressInput {
  direction: Direction;
  value: number | null;
  year: number;
  target: RelativeTarget;
  /** the reference value R: the previous year's value, or that of the reference year; null when unknown */
  referenceValue: number | null;
  /** values of earlier periods, oldest first, for the trend */
  previous?: readonly (number | null)[];
}

export interface RelativeProgress extends Progress {
  /** the change achieved, in % of the reference value; null when it cannot be computed */
  change: number | null;
}

/** The change from `reference` to `value` in % of the reference, signed so that the target's change is positive. */
export function relativeChange(change: TargetChange, reference: number, value: number): number {
  const delta = change === 'decrease' ? reference - value : value - reference;
  return (delta / reference) * 100;
}

/** The level a change of `percent` from `reference` reaches. */
export function levelAfterChange(change: TargetChange, reference: number, percent: number): number {
  return reference * (change === 'decrease' ? 1 - percent / 100 : 1 + percent / 100);
}

export function relativeProgress(input: RelativeProgressInput): RelativeProgress {
  const { target, value, year, referenceValue: ref } = input;
  const trend = measureTrend(input.direction, value, input.previous);
  const result = (status: RelativeProgress['status'], change: number | null = null, expected: number | null = null) => ({
    status,
    change,
    expected,
    tolerance: null,
    trend,
  });
  const fromYear = target.reference === 'previous-year' ? year - 1 : target.reference;
  if (year <= fromYear) return result('no_target');
  if (value === null) return result('no_data');
  if (ref === null || ref === 0) return result('insufficient_data');
  const achieved = relativeChange(target.change, ref, value);
  const tolerance = AT_RISK_SHARE * target.value;
  // the share of the required change due by this year: all of it each year, or the line's share
  const share = target.reference === 'previous-year' ? 1 : Math.min(1, (year - fromYear) / (target.year - fromYear));
  const due = target.value * share;
  const expected = levelAfterChange(target.change, ref, due);
  if (meetsTarget(achieved, target.op, target.value)) return result('met', achieved, expected);
  const late = target.reference !== 'previous-year' && year > target.year;
  if (late || (target.op !== '>=' && target.op !== '>')) return result('off_track', achieved, expected);
  const behind = due - achieved;
  const e = 1e-9 * Math.max(1, Math.abs(due), Math.abs(achieved));
  const lineEnds = target.reference === 'previous-year' || year >= target.year;
  if (behind <= e) return result(lineEnds ? 'at_risk' : 'on_track', achieved, expected);
  return result(behind <= tolerance + e ? 'at_risk' : 'off_track', achieved, expected);
}
