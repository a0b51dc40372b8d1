import type { Direction, MeasureTarget, MeasureTargetOp } from './catalogue-schema.ts';

/**
 * Progress of a measure against a target (a plan's target for a year, or the national reference).
 *
 * Statuses, in the order they are decided:
 * - no_target: nothing to compare with.
 * - no_data:   no value for the period (a missing unit is never read as zero).
 * - met:       the target's comparison holds now, whatever the year (met early counts as met).
 * - otherwise the straight line from the baseline (year, value) to the target (year, value) gives
 *   the value expected at this year; the shortfall is how much worse than the line the value is,
 *   in the measure's direction (below the line when higher is better, above it when lower is).
 *   - on_track:  shortfall ≤ 0 — on the line or better.
 *   - at_risk:   0 < shortfall ≤ tolerance.
 *   - off_track: shortfall > tolerance.
 *
 * TOLERANCE: 10 % of the distance from the baseline to the target (AT_RISK_SHARE), boundary
 * included. Proportional to the planned change so it means the same for a mortality rate moving
 * 20 → 10 per 1,000 (tolerance 1 per 1,000) and a coverage moving 80 % → 90 % (tolerance 1 point);
 * a fixed number of points would be huge for a dropout rate of 0.12 % and tiny for injuries per
 * 100,000. In words: at risk = at most one tenth of the journey behind schedule.
 *
 * Special cases (each tested):
 * - In the target year the line has reached the target, so a value on the line that does not meet
 *   the target (equality under '<') is at_risk, not on_track; after the target year an unmet
 *   target is off_track (the deadline has passed).
 * - No baseline, or a baseline that already meets the target or is dated at or after the target
 *   year: no line can be drawn. An unmet target is then at_risk up to the target year and off_track
 *   after it; `expected` is null so the screen can say why.
 * - Comparisons allow a relative error of 1e-9 so that 97.00000000000001 computed from counts
 *   equals a target of 97.
 */

/** insufficient_data: a relative target whose reference value is missing (relative-progress.ts) */
export type ProgressStatus = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'insufficient_data' | 'no_target';
export type Trend = 'improving' | 'worsening' | 'stable';

/** Share of the baseline→target distance a value may lag the line and still be at_risk. */
const AT_RISK_SHARE = 0.1;
/** A change of at most this share of the previous value is 'stable'. */
const STABLE_SHARE = 0.01;

export interface Baseline {
  year: number;
  value: number;
}

export interface ProgressInput {
  direction: Direction;
  /** the measure's value for the period, null when not computable */
  value: number | null;
  /** the year of the period judged */
  year: number;
  target: Pick<MeasureTarget, 'year' | 'op' | 'value'> | null;
  baseline?: Baseline | null;
  /** values of earlier periods, oldest first; nulls (no data) are skipped */
  previous?: readonly (number | null)[];
}

export interface Progress {
  status: ProgressStatus;
  /** the value the straight line expects at this year, null without a usable line */
  expected: number | null;
  /** the at_risk band's width, null without a usable line */
  tolerance: number | null;
  trend: Trend | null;
}

const eps = (...xs: number[]) => 1e-9 * Math.max(1, ...xs.map(Math.abs));

/** Whether `value op target` holds, with the relative tolerance above for equality. */
export function meetsTarget(value: number, op: MeasureTargetOp, target: number): boolean {
  const e = eps(value, target);
  switch (op) {
    case '<':
      return value < target - e;
    case '<=':
      return value <= target + e;
    case '=':
      return Math.abs(value - target) <= e;
    case '>=':
      return value >= target - e;
    case '>':
      return value > target + e;
  }
}

/** How much worse than `reference` the value is, in the measure's direction (negative = better). */
function shortfall(direction: Direction, value: number, reference: number): number {
  return direction === 'higher' ? reference - value : value - reference;
}

export function measureTrend(
  direction: Direction,
  value: number | null,
  previous: readonly (number | null)[] = [],
): Trend | null {
  const last = [...previous].reverse().find((v): v is number => v !== null);
  if (value === null || last === undefined) return null;
  const change = -shortfall(direction, value, last);
  if (Math.abs(change) <= STABLE_SHARE * Math.abs(last) + eps(value, last)) return 'stable';
  return change > 0 ? 'improving' : 'worsening';
}

export function measureProgress(input: ProgressInput): Progress {
  const { direction, value, year, target, baseline } = input;
  const trend = measureTrend(direction, value, input.previous);
  const result = (status: ProgressStatus, expected: number | null = null, tolerance: number | null = null): Progress => ({
    status,
    expected,
    tolerance,
    trend,
  });
  if (!target) return result('no_target');
  if (value === null) return result('no_data');
  if (meetsTarget(value, target.op, target.value)) return result('met');
  if (year > target.year) return result('off_track');

  const usableLine = baseline != null && baseline.year < target.year && shortfall(direction, baseline.value, target.value) > 0;
  if (!usableLine) return result('at_risk');

  const share = Math.min(1, Math.max(0, (year - baseline.year) / (target.year - baseline.year)));
  const expected = baseline.value + (target.value - baseline.value) * share;
  const tolerance = AT_RISK_SHARE * Math.abs(target.value - baseline.value);
  const behind = shortfall(direction, value, expected);
  const e = eps(value, expected);
  if (behind <= e) return result(year >= target.year ? 'at_risk' : 'on_track', expected, tolerance);
  if (behind <= tolerance + e) return result('at_risk', expected, tolerance);
  return result('off_track', expected, tolerance);
}

/**
 * The target that applies to a year: the earliest one due in or after that year (2027 is judged
 * against 2030, 2025 against 2025), or the last one when all are past.
 */
export function targetForYear<T extends { year: number }>(targets: readonly T[], year: number): T | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  return sorted.find((t) => t.year >= year) ?? sorted.at(-1) ?? null;
}
