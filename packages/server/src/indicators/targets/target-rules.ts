import { IndicatorTargetSchema, measureValueProblem, type IndicatorTarget, type Measure } from '@tre/core';
import { invalid } from '../../errors.ts';

/**
 * The rules of a target a person adds or corrects on a saved plan (edit-service.ts), each refusal
 * naming its field in both languages:
 * - year: within the plan's years when it states them (a target outside them is never judged),
 *   else 1990–2100;
 * - value: a number ≥ 0 within the bound of every measure value; ≤ 100 for a level of a % measure;
 *   a relative target's change ≤ 100 % when it is a decrease;
 * - a relative target's reference year before the target year and from 1990; the upper end of a
 *   range not below the value.
 * Then the result must be a valid tre.plan/v1 target (core plan-format.ts), so an export imports back.
 */
export interface PlanYears {
  year_from: number | null;
  year_to: number | null;
}

function assertYear(plan: PlanYears, year: number): void {
  const from = plan.year_from ?? 1990;
  const to = plan.year_to ?? 2100;
  if (year < from || year > to) {
    throw invalid(
      'year',
      `Năm chỉ tiêu ${year} nằm ngoài thời gian của kế hoạch (${from}–${to})`,
      `Target year ${year} is outside the plan's years (${from}–${to})`,
    );
  }
}

function assertValue(t: IndicatorTarget, measure: Measure | undefined): void {
  const problem = measureValueProblem(t.value);
  if (problem) throw invalid('value', `Giá trị chỉ tiêu: ${problem.vi}`, `Target value: ${problem.en}`);
  if (t.kind === 'relative') {
    if (t.change === 'decrease' && t.value > 100) {
      throw invalid('value', `Không thể giảm quá 100 % (đã nhập ${t.value})`, `A decrease cannot exceed 100 % (got ${t.value})`);
    }
    if (t.valueTo !== undefined && t.valueTo < t.value) {
      throw invalid('relative.valueTo', 'Cận trên của khoảng nhỏ hơn giá trị', 'The upper end of the range is below the value');
    }
  } else if (measure?.unit === '%' && t.value > 100) {
    throw invalid(
      'value',
      `Chỉ tiêu của phép đo tính theo % không được quá 100 (đã nhập ${t.value})`,
      `A target of a % measure cannot exceed 100 (got ${t.value})`,
    );
  }
}

function assertReference(t: IndicatorTarget): void {
  if (t.kind !== 'relative' || typeof t.reference !== 'number') return;
  if (t.reference < 1990 || t.reference >= t.year) {
    throw invalid(
      'relative.reference',
      `Năm so sánh phải từ 1990 và trước năm chỉ tiêu (${t.year}); đã nhập ${t.reference}`,
      `The reference year must be 1990 or later and before the target year (${t.year}); got ${t.reference}`,
    );
  }
}

export function assertTarget(plan: PlanYears, t: IndicatorTarget, measure: Measure | undefined): void {
  assertYear(plan, t.year);
  assertValue(t, measure);
  assertReference(t);
  const parsed = IndicatorTargetSchema.safeParse(t);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [vi = '', en = vi] = (issue?.message ?? '').split(' / ');
    throw invalid(issue?.path.join('.') || 'target', `Chỉ tiêu không hợp lệ: ${vi}`, `Invalid target: ${en}`);
  }
}
