import { parsePeriod, previousPeriod } from '../periods/period.ts';
import type { Bilingual } from './catalogue-schema.ts';
import type { CatalogueIndex } from './catalogue.ts';
import { disaggregationKey, resolveTotals, valueKey, type DataValue } from './values.ts';
import { MAX_COUNT } from './counts.ts';

/**
 * Validation rules over the data values of one period. Errors are figures that cannot be right
 * (negative counts, a share above 100 %, a required figure missing); warnings are figures to review
 * and are never rejected (an outlier may be a real epidemic; a total may legitimately exceed its
 * parts when some children could not be classified).
 */

export type ValidationRule =
  | 'unknown_element'
  | 'not_a_count'
  | 'negative_count'
  | 'invalid_disaggregation'
  | 'disaggregation_mismatch'
  | 'numerator_exceeds_denominator'
  | 'required_missing'
  | 'outlier';

export interface Violation {
  rule: ValidationRule;
  severity: 'error' | 'warning';
  unit: string;
  period: string;
  elements: string[];
  /** the measure, for rules about a ratio */
  measure?: string;
  message: Bilingual;
}

export interface ValidationInput {
  index: CatalogueIndex;
  /** values of the period validated; values of the previous period are used for outliers; others are ignored */
  values: readonly DataValue[];
  period: string;
  /** units expected to report; required elements are checked for each */
  units?: readonly string[];
  /** elements every expected unit must report (the data set's compulsory elements) */
  required?: readonly string[];
  /** a value beyond previous × factor or previous ÷ factor is an outlier (default 3; exactly ×3 is not) */
  outlierFactor?: number;
  /** below this on both sides the jump is not judged: 2 → 7 deaths is noise, not an outlier (default 10) */
  outlierMinimum?: number;
}

export function validateValues(input: ValidationInput): Violation[] {
  const { index, period } = input;
  const factor = input.outlierFactor ?? 3;
  const minimum = input.outlierMinimum ?? 10;
  const out: Violation[] = [];
  const add = (v: Violation) => out.push(v);
  const name = (code: string) => index.element(code)?.name.vi ?? code;

  const parsed = parsePeriod(period);
  const before = parsed ? previousPeriod(parsed).code : null;
  const current = input.values.filter((v) => v.period === period);

  // row rules: each value on its own
  for (const v of current) {
    const el = index.element(v.element);
    const base = { unit: v.unit, period, elements: [v.element] };
    if (!el) {
      add({
        ...base,
        rule: 'unknown_element',
        severity: 'error',
        message: { vi: `Chỉ số dữ liệu không tồn tại: ${v.element}`, en: `Unknown data element ${v.element}` },
      });
      continue;
    }
    if (!Number.isFinite(v.value) || !Number.isInteger(v.value)) {
      add({
        ...base,
        rule: 'not_a_count',
        severity: 'error',
        message: {
          vi: `${name(v.element)}: ${v.value} không phải số đếm (số nguyên)`,
          en: `${v.element}: ${v.value} is not a whole count`,
        },
      });
    } else if (v.value > MAX_COUNT) {
      // the database refuses these (migration 0008); figures checked before they are stored may hold one
      add({
        ...base,
        rule: 'not_a_count',
        severity: 'error',
        message: {
          vi: `${name(v.element)}: ${v.value} vượt quá giới hạn của một số đếm (${MAX_COUNT})`,
          en: `${v.element}: ${v.value} is above the largest count (${MAX_COUNT})`,
        },
      });
    } else if (v.value < 0) {
      add({
        ...base,
        rule: 'negative_count',
        severity: 'error',
        message: { vi: `${name(v.element)}: số âm (${v.value})`, en: `${v.element}: negative count (${v.value})` },
      });
    }
    const bad = invalidDisaggregation(v, el.categories, index);
    if (bad) add({ ...base, rule: 'invalid_disaggregation', severity: 'error', message: bad });
  }

  const totals = resolveTotals(current);
  // a total that disagrees with its parts (the total is used; see values.ts)
  for (const t of totals.values()) {
    if (t.source === 'total' && t.partsSum !== null && t.partsSum !== t.value) {
      add({
        rule: 'disaggregation_mismatch',
        severity: 'warning',
        unit: t.unit,
        period,
        elements: [t.element],
        message: {
          vi: `${name(t.element)}: tổng ${t.value} khác tổng các phần phân tổ ${t.partsSum}`,
          en: `${t.element}: total ${t.value} differs from the sum of its parts ${t.partsSum}`,
        },
      });
    }
  }

  // a share cannot exceed its whole
  const units = new Set([...current.map((v) => v.unit), ...(input.units ?? [])]);
  for (const m of index.measures.filter((m) => m.unit === '%')) {
    for (const unit of units) {
      const num = totals.get(valueKey(m.numerator, unit, period));
      const den = totals.get(valueKey(m.denominator, unit, period));
      if (num && den && num.value > den.value) {
        add({
          rule: 'numerator_exceeds_denominator',
          severity: 'error',
          unit,
          period,
          elements: [m.numerator, m.denominator],
          measure: m.code,
          message: {
            vi: `${m.name.vi}: tử số ${num.value} lớn hơn mẫu số ${den.value}`,
            en: `${m.name.en}: numerator ${num.value} exceeds denominator ${den.value}`,
          },
        });
      }
    }
  }

  for (const unit of input.units ?? []) {
    for (const element of input.required ?? []) {
      if (!totals.has(valueKey(element, unit, period))) {
        add({
          rule: 'required_missing',
          severity: 'error',
          unit,
          period,
          elements: [element],
          message: { vi: `Thiếu số liệu bắt buộc: ${name(element)}`, en: `Required figure missing: ${element}` },
        });
      }
    }
  }

  // jumps against the previous period, element by element
  if (before) {
    const previous = resolveTotals(input.values.filter((v) => v.period === before));
    for (const t of totals.values()) {
      const p = previous.get(valueKey(t.element, t.unit, before));
      if (!p || Math.max(t.value, p.value) < minimum) continue;
      const jump = p.value === 0 ? Infinity : t.value / p.value;
      if (jump > factor || jump < 1 / factor) {
        add({
          rule: 'outlier',
          severity: 'warning',
          unit: t.unit,
          period,
          elements: [t.element],
          message: {
            vi: `${name(t.element)}: ${p.value} (kỳ ${before}) → ${t.value}, thay đổi quá ${factor} lần, cần kiểm tra lại`,
            en: `${t.element}: ${p.value} (${before}) → ${t.value}, a change beyond ×${factor}; please review`,
          },
        });
      }
    }
  }

  return out.sort(
    (a, b) => a.unit.localeCompare(b.unit) || a.rule.localeCompare(b.rule) || a.elements.join().localeCompare(b.elements.join()),
  );
}

/** A disaggregation must name exactly the element's categories, each with one of its options. */
export function invalidDisaggregation(v: DataValue, categories: readonly string[], index: CatalogueIndex): Bilingual | null {
  if (disaggregationKey(v.disaggregation) === '') return null;
  const given = Object.keys(v.disaggregation ?? {}).sort();
  const expected = [...categories].sort();
  if (given.join() !== expected.join()) {
    return {
      vi: `${v.element}: phân tổ phải theo đủ (${expected.join(', ') || 'không phân tổ'}), nhận được (${given.join(', ')})`,
      en: `${v.element}: disaggregation must be by (${expected.join(', ') || 'none'}), got (${given.join(', ')})`,
    };
  }
  for (const c of given) {
    const option = v.disaggregation?.[c];
    const category = index.catalogue.categories.find((x) => x.code === c);
    if (!category?.options.some((o) => o.code === option)) {
      return {
        vi: `${v.element}: giá trị phân tổ không hợp lệ ${c}=${option ?? ''}`,
        en: `${v.element}: invalid option ${c}=${option ?? ''}`,
      };
    }
  }
  return null;
}
