import type { Bilingual } from './catalogue-schema.ts';

/**
 * Counts: the one definition of which numbers and which texts Tre takes as a count (a data value,
 * a count target), shared by the server's routes, the file importers and the web entry form.
 *
 * A count is a finite whole number, 0 ≤ n ≤ MAX_COUNT. Negative zero is refused as well: it is
 * what a minus sign typed before 0 gives, and PostgreSQL float columns would keep the sign.
 *
 * Text forms (parseCount), read the same whichever language the person writes in, because a count
 * has no decimals and so a separator followed by exactly three digits can only group thousands:
 *
 *   accepted  `1234`, `007` (= 7), `1.234`, `1 234`, `1,234` (all = 1234), `1.234.567`,
 *             `1 234 567` (also with a no-break or thin space); surrounding spaces are ignored
 *   refused   `12,5` and `12.5` (decimals, in Vietnamese and English writing), `1.234,5`,
 *             `1.23.456` and `1,234.567` (misplaced or mixed separators), `0.500` (a leading zero
 *             group: a decimal, not 500), `-3`, `-0` (negative), `+5` (a sign), `1e3` (a power of
 *             ten), `Infinity`, `NaN`, words, and anything above MAX_COUNT (`1152921504606846976`)
 *
 * Machine formats (a DHIS2 dataValueSets document) write plain digits: with `{ grouping: false }`
 * only `^\d+$` is a count, so a `1.234` there is refused instead of being read as a thousand.
 */

/**
 * The largest count: 10^12. Vietnam has some 25 million children, so anything near the bound is a
 * typing mistake, yet the bound keeps every sum exact: a total over 3,321 communes (every commune
 * of Vietnam since the 2025 reorganisation, far more than a province has) is ≤ 3.3·10^15, below 2^53
 * (9.007·10^15) where doubles stop holding every whole number. A total built from the parts of a
 * breakdown may exceed it in theory (parts × communes) but stays finite (≤ 10^20 ≪ 1.8·10^308), so no
 * stored value can make an aggregate non-finite. The database holds the same bound (migration 0008).
 */
export const MAX_COUNT = 1_000_000_000_000;

/**
 * The largest target or baseline of a measure (a rate per 100, 1,000 or 100,000, or a count): the
 * same bound, so that progress computed from it is always finite.
 */
export const MAX_MEASURE_VALUE = MAX_COUNT;

const BOUND_TEXT = { vi: '1.000.000.000.000 (10^12)', en: '1,000,000,000,000 (10^12)' };

/** A large whole number with all its digits (String(2 ** 60) would print …847000), or 1e+308 as such. */
function shownLarge(value: number): string {
  return Number.isInteger(value) && value < 1e21 ? BigInt(value).toString() : String(value);
}

/** Why a number cannot be stored as a count, or null. The caller names the field or row. */
export function countProblem(value: number): Bilingual | null {
  // wording kept from the first version: the import reports quote it after `giá trị "…": `
  if (typeof value !== 'number' || !Number.isFinite(value)) return { vi: 'không phải là số', en: 'not a number' };
  if (value < 0 || Object.is(value, -0)) {
    const shown = Object.is(value, -0) ? '-0' : String(value);
    return { vi: `số âm (${shown}) không hợp lệ`, en: `negative value (${shown})` };
  }
  if (!Number.isInteger(value)) return { vi: `${value} không phải số nguyên`, en: `${value} is not a whole count` };
  if (value > MAX_COUNT) {
    return {
      vi: `${shownLarge(value)} vượt quá giới hạn của một số đếm (tối đa ${BOUND_TEXT.vi})`,
      en: `${shownLarge(value)} is above the largest count allowed (${BOUND_TEXT.en})`,
    };
  }
  return null;
}

/**
 * Why a number cannot be a measure's target or baseline (decimals allowed: a rate), or null:
 * finite, not negative (nor -0), at most MAX_MEASURE_VALUE.
 */
export function measureValueProblem(value: number): Bilingual | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { vi: 'không phải là số', en: 'not a number' };
  if (value < 0 || Object.is(value, -0)) {
    const shown = Object.is(value, -0) ? '-0' : String(value);
    return { vi: `số âm (${shown}) không hợp lệ`, en: `negative value (${shown})` };
  }
  if (value > MAX_MEASURE_VALUE) {
    return {
      vi: `${shownLarge(value)} vượt quá giới hạn (tối đa ${BOUND_TEXT.vi})`,
      en: `${shownLarge(value)} is above the largest value allowed (${BOUND_TEXT.en})`,
    };
  }
  return null;
}

export type CountReading = { value: number } | { problem: Bilingual };

export interface CountTextOptions {
  /**
   * Whether thousands may be grouped (`1.234`, `1 234`, `1,234`): true for what people type (the
   * entry form, a text cell of a spreadsheet), false for machine formats (dataValueSets).
   */
  grouping?: boolean;
}

// no-break space, narrow no-break space, thin space: what word processors and Excel put between groups
const SPACES = /[\u00a0\u202f\u2009]/g;
const DIGITS = /^\d+$/;
/** groups of three after a first group of 1–3 digits not starting with 0, one separator kind throughout */
const GROUPED = /^[1-9]\d{0,2}([., ])\d{3}(?:\1\d{3})*$/;
/** a decimal rather than misplaced groups: mixed separators, a leading 0 group, or not 3 digits after the last one */
function looksDecimal(t: string): boolean {
  if (/[.]/.test(t) && /,/.test(t)) return true;
  if (/^0[.,]\d/.test(t)) return true;
  return /[.,](\d{1,2}|\d{4,})$/.test(t);
}

/**
 * A count written as text, or why it is not one (see the accepted forms above). Empty text is a
 * problem too: callers that treat an empty cell as "not reported" check for it first.
 */
export function parseCount(text: string, options: CountTextOptions = {}): CountReading {
  const grouping = options.grouping ?? true;
  const t = text.replace(SPACES, ' ').trim();
  if (t === '') return { problem: { vi: 'trống', en: 'empty' } };
  let digits: string | null = null;
  if (DIGITS.test(t)) digits = t;
  else if (grouping && GROUPED.test(t)) digits = t.replace(/[., ]/g, '');
  if (digits !== null) {
    // beyond 16 digits Number() rounds; such a number is above the bound whatever its last digits
    const value = Number(digits);
    const problem = countProblem(value);
    return problem ? { problem } : { value };
  }
  return { problem: textProblem(t, grouping) };
}

/** Why a text that is not a count's form is refused, worded for the mistake it most likely is. */
function textProblem(t: string, grouping: boolean): Bilingual {
  if (/^-\s*[\d.,\s]*\d/.test(t)) return { vi: `số âm (${t}) không hợp lệ`, en: `negative value (${t})` };
  if (/^\+\s*[\d.,\s]*\d/.test(t)) {
    return { vi: `không viết dấu "+" trước số đếm (${t})`, en: `a count is written without "+" (${t})` };
  }
  if (/^[\d.,]*\d[eE][+-]?\d+$/.test(t)) {
    return {
      vi: `không viết số đếm dạng lũy thừa (${t}); hãy viết đủ chữ số`,
      en: `a count is not written as a power of ten (${t}); write all its digits`,
    };
  }
  if (/^[\d.,\s]*\d$/.test(t) && looksDecimal(t)) {
    return {
      vi: `số thập phân (${t}) không hợp lệ: số đếm phải là số nguyên`,
      en: `a decimal (${t}) is not valid: a count is a whole number`,
    };
  }
  if (!grouping && /^[\d.,\s]+$/.test(t)) {
    return {
      vi: `số đếm chỉ gồm chữ số, không có dấu chấm, dấu phẩy hay khoảng trắng (${t})`,
      en: `a count is digits only, without dots, commas or spaces (${t})`,
    };
  }
  if (/^[\d.,\s]+$/.test(t)) {
    return {
      vi: `dấu tách hàng nghìn đặt sai chỗ (${t}); viết vd. 1234 hoặc 1.234`,
      en: `thousands separators in the wrong place (${t}); write e.g. 1234 or 1,234`,
    };
  }
  return { vi: `không phải là số (${t})`, en: `not a number (${t})` };
}

/**
 * A count as a spreadsheet cell or a JSON document holds it: a number is checked as it is, a text
 * is read with parseCount. For the importers: `countOf(cell)` for a spreadsheet cell,
 * `countOf(value, { grouping: false })` for a dataValueSets value.
 */
export function countOf(input: number | string, options: CountTextOptions = {}): CountReading {
  if (typeof input === 'number') {
    const problem = countProblem(input);
    return problem ? { problem } : { value: input };
  }
  return parseCount(input, options);
}
