/**
 * Numbers and dates as Vietnamese official documents write them: '.' groups thousands, ',' marks
 * decimals ("1.450", "12,86"), dates "05/01/2026" and the dated place line of Nghị định 30/2020.
 * Written by hand rather than with Intl so the documents are identical on every machine, whatever
 * ICU data the runtime was built with.
 */

/** What a missing figure is written as: never 0, which would read as a measured zero. */
export const NO_DATA_VI = 'Chưa có số liệu';

/**
 * `value` rounded half away from zero to at most `digits` decimals (default 2), trailing zeros
 * dropped: 1450 → "1.450", 12.8571 → "12,86", 95.50 → "95,5", -0.001 → "0".
 */
export function formatViNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const places = Math.max(0, Math.min(20, Math.trunc(digits)));
  const [whole, fraction] = roundedDigits(Math.abs(value), places);
  const trimmed = fraction.replace(/0+$/, '');
  const negative = value < 0 && (/[1-9]/.test(whole) || trimmed !== '');
  return (negative ? '-' : '') + groupThousands(whole) + (trimmed === '' ? '' : ',' + trimmed);
}

/**
 * The integer and fraction digits of a non-negative number rounded to `places` decimals. The
 * rounding goes through the decimal text ("1.005e2") so 1.005 rounds to 1.01 as a person expects,
 * not to 1.00 as its binary value (1.00499…) would.
 */
function roundedDigits(abs: number, places: number): [string, string] {
  if (abs >= 1e21) return [abs.toFixed(0), ''];
  // tiny or huge values print in exponent form, where the text trick does not apply: plain toFixed then
  const rounded = Number(`${String(Math.round(Number(`${String(abs)}e${String(places)}`)))}e-${String(places)}`);
  const text = (Number.isFinite(rounded) ? rounded : abs).toFixed(places);
  const [whole = '0', fraction = ''] = text.split('.');
  return [whole, fraction];
}

function groupThousands(digits: string): string {
  // a '.' before every digit that has a multiple of three digits after it
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}

/** How each measure unit of the catalogue follows its figure. */
const UNIT_SUFFIX: Record<string, string> = {
  '%': '%',
  per1000: '‰',
  per100000: '/100.000',
  count: '',
};

/**
 * A measure's value with its unit: "12,86‰", "95,5%", "548,3/100.000"; null → "Chưa có số liệu".
 * An unknown unit is written after a space ("12 trẻ"), so nothing is silently lost.
 */
export function formatViValue(value: number | null, unit: string): string {
  if (value === null) return NO_DATA_VI;
  const suffix = UNIT_SUFFIX[unit] ?? (unit === '' ? '' : ' ' + unit);
  return formatViNumber(value, 2) + suffix;
}

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  // a real calendar day: 2025-02-30 would print "ngày 30 tháng 02"
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!m || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a date (YYYY-MM-DD): ${iso}`);
  }
  return { year, month, day };
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + String(n);

/** "2026-01-05" → "05/01/2026", as dates are written in tables. */
export function viDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${pad2(day)}/${pad2(month)}/${String(year)}`;
}

/**
 * The dated place line under the motto: "Nghệ An, ngày 05 tháng 01 năm 2026". Nghị định 30/2020,
 * Phụ lục I, mục I.5: days under 10 and the months 1 and 2 take a leading 0 ("tháng 01", "tháng 02"),
 * the other months do not ("tháng 3" … "tháng 12"), so "tháng 1" is never misread as "tháng 11".
 */
export function datedPlaceLine(place: string, isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(day)} tháng ${monthText} năm ${String(year)}`;
}
