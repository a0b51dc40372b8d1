/**
 * Reporting periods as DHIS2-style codes: '2025' (a year), '2025S1' / '2025S2' (half-years),
 * '2025Q1'…'2025Q4' (quarters), '202501'…'202512' (months).
 * Task progress and, later, reporting rounds and indicator values are keyed by these codes, so a
 * code is the one stable name of a period across tables, URLs and dumps.
 *
 * Every period type is a fixed number of calendar months aligned on 1 January, so a type is
 * fully described by its row in PERIOD_TYPES; start, end, containment and the previous period all
 * follow from the month count, so a new type is one more row.
 */

export type PeriodType = 'year' | 'half' | 'quarter' | 'month';

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface PeriodTypeSpec {
  /** calendar months in one period */
  months: number;
  /** the code, with the year in group 1 and the 1-based index in group 2 (absent for a year) */
  pattern: RegExp;
  format: (year: number, index: number) => string;
  label: (year: number, index: number) => { vi: string; en: string };
}

const PERIOD_TYPES: Record<PeriodType, PeriodTypeSpec> = {
  year: {
    months: 12,
    pattern: /^(\d{4})$/,
    format: (y) => String(y),
    label: (y) => ({ vi: `Năm ${y}`, en: `Year ${y}` }),
  },
  half: {
    months: 6,
    pattern: /^(\d{4})S([12])$/,
    format: (y, i) => `${y}S${i}`,
    label: (y, i) => ({ vi: `6 tháng ${i === 1 ? 'đầu' : 'cuối'} năm ${y}`, en: `${i === 1 ? 'First' : 'Second'} half of ${y}` }),
  },
  quarter: {
    months: 3,
    pattern: /^(\d{4})Q([1-4])$/,
    format: (y, i) => `${y}Q${i}`,
    label: (y, i) => ({ vi: `Quý ${ROMAN[i - 1] ?? String(i)} năm ${y}`, en: `Q${i} ${y}` }),
  },
  month: {
    months: 1,
    // DHIS2 writes months as YYYYMM; the two-digit month keeps '202501' apart from a year
    pattern: /^(\d{4})(0[1-9]|1[0-2])$/,
    format: (y, i) => `${y}${String(i).padStart(2, '0')}`,
    label: (y, i) => ({ vi: `Tháng ${i} năm ${y}`, en: `${MONTHS_EN[i - 1] ?? String(i)} ${y}` }),
  },
};

export const PERIOD_TYPE_NAMES = Object.keys(PERIOD_TYPES) as PeriodType[];

export interface Period {
  type: PeriodType;
  year: number;
  /** 1-based position within the year (always 1 for a year) */
  index: number;
  code: string;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function make(type: PeriodType, year: number, index: number): Period {
  return { type, year, index, code: PERIOD_TYPES[type].format(year, index) };
}

/** The period a code names, or null when it is not a valid code (wrong shape, S3, year out of range). */
export function parsePeriod(code: string): Period | null {
  for (const type of PERIOD_TYPE_NAMES) {
    const m = PERIOD_TYPES[type].pattern.exec(code);
    if (!m) continue;
    const year = Number(m[1]);
    const index = m[2] === undefined ? 1 : Number(m[2]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    if (index < 1 || index > 12 / PERIOD_TYPES[type].months) return null;
    return make(type, year, index);
  }
  return null;
}

export function isPeriodCode(code: string): boolean {
  return parsePeriod(code) !== null;
}

export function formatPeriod(p: Pick<Period, 'type' | 'year' | 'index'>): string {
  return PERIOD_TYPES[p.type].format(p.year, p.index);
}

export function yearPeriod(year: number): Period {
  return make('year', year, 1);
}

export function halfYearPeriod(year: number, half: 1 | 2): Period {
  return make('half', year, half);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First day of the period, 'YYYY-MM-DD'. */
export function periodStart(p: Period): string {
  const month = (p.index - 1) * PERIOD_TYPES[p.type].months + 1;
  return `${p.year}-${pad(month)}-01`;
}

/** Last day of the period (inclusive), 'YYYY-MM-DD'. */
export function periodEnd(p: Period): string {
  const lastMonth = p.index * PERIOD_TYPES[p.type].months;
  // day 0 of the next month is the last day of this one
  const day = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  return `${p.year}-${pad(lastMonth)}-${pad(day)}`;
}

export function periodLabel(p: Period): { vi: string; en: string } {
  return PERIOD_TYPES[p.type].label(p.year, p.index);
}

/** Whether an ISO date 'YYYY-MM-DD' falls within the period. */
export function periodContains(p: Period, isoDate: string): boolean {
  return isoDate >= periodStart(p) && isoDate <= periodEnd(p);
}

/** Every period of one type in a year, in order: the 2 half-years of 2025 are 2025S1, 2025S2. */
export function periodsOfYear(type: PeriodType, year: number): Period[] {
  const count = 12 / PERIOD_TYPES[type].months;
  return Array.from({ length: count }, (_, i) => make(type, year, i + 1));
}

/** The same list under the name the indicator module uses. */
export const periodsInYear = periodsOfYear;

/** The type of a period code, or null when the code is not a valid period. */
export function periodType(code: string): PeriodType | null {
  return parsePeriod(code)?.type ?? null;
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  return make('quarter', year, quarter);
}

export function monthPeriod(year: number, month: number): Period {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month} is not 1–12`);
  return make('month', year, month);
}

/** The period of the same type just before: 2025S1 → 2024S2, 202501 → 202412, 2025 → 2024. */
export function previousPeriod(p: Period): Period {
  if (p.index > 1) return make(p.type, p.year, p.index - 1);
  return make(p.type, p.year - 1, 12 / PERIOD_TYPES[p.type].months);
}

/** The period of the same type just after: 2025S2 → 2026S1. */
export function nextPeriod(p: Period): Period {
  if (p.index < 12 / PERIOD_TYPES[p.type].months) return make(p.type, p.year, p.index + 1);
  return make(p.type, p.year + 1, 1);
}

/**
 * Whether the child period lies wholly within the parent: 2025 contains 2025S2, 2025Q3 and 202509;
 * 2025S1 contains 2025Q2 but not 2025Q3; a period contains itself. Month-aligned types nest, so
 * comparing ISO dates is exact.
 */
export function containsPeriod(parent: Period, child: Period): boolean {
  return periodStart(child) >= periodStart(parent) && periodEnd(child) <= periodEnd(parent);
}

/** The periods of a (shorter) type that make up the parent: 2025S1 by quarter is 2025Q1, 2025Q2. */
export function periodsWithin(parent: Period, type: PeriodType): Period[] {
  return periodsOfYear(type, parent.year).filter((p) => containsPeriod(parent, p));
}

/** Chronological order; for the same start the longer period first (2025 before 2025S1 before 2025Q1). */
export function comparePeriods(a: Period, b: Period): number {
  const byStart = periodStart(a).localeCompare(periodStart(b));
  if (byStart !== 0) return byStart;
  return PERIOD_TYPES[b.type].months - PERIOD_TYPES[a.type].months;
}
