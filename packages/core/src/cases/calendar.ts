import { isIsoDate } from '../children/layout/dates.ts';
import type { Bilingual } from '../indicators/catalogue-schema.ts';
import { addDays } from '../reporting/timeliness.ts';
import { cleanText } from '../text/clean.ts';
import { isSingleLine } from '../text/single-line.ts';

/**
 * The public offices' working days (DESIGN §5), which the case clocks count: Monday to Friday, less
 * the days off of the year's notices (holidays of the Labour Code 2019 Art. 112, compensating days
 * when a holiday falls on a weekend, bridge days swapped off), plus the Saturdays and Sundays those
 * notices make working days. The notices change every year, so the schedule is data per year
 * (office-calendar-data.ts ships 2025 and 2026; the administrator enters later years), never a rule.
 */

export const OFFICE_DAY_KINDS = ['holiday', 'compensating', 'swapped_off', 'working_weekend'] as const;
/**
 * holiday: a public holiday (Tết days included); compensating: the weekday off in place of a holiday
 * that fell on a weekend; swapped_off: a bridge weekday off, worked on a weekend instead;
 * working_weekend: that Saturday or Sunday, worked.
 */
export type OfficeDayKind = (typeof OFFICE_DAY_KINDS)[number];

export const OFFICE_DAY_KIND_LABELS: Readonly<Record<OfficeDayKind, Bilingual>> = {
  holiday: { vi: 'Ngày lễ, Tết', en: 'Public holiday' },
  compensating: { vi: 'Nghỉ bù', en: 'Compensating day off' },
  swapped_off: { vi: 'Nghỉ do hoán đổi', en: 'Swapped day off' },
  working_weekend: { vi: 'Làm bù (thứ Bảy, Chủ nhật)', en: 'Weekend day worked' },
};

/** One dated entry of a year's notice. */
export interface OfficeCalendarDay {
  /** YYYY-MM-DD */
  date: string;
  kind: OfficeDayKind;
  nameVi: string;
  nameEn: string;
  /** the notice or the article of law the entry comes from */
  source: string;
}

export interface OfficeCalendarYear {
  year: number;
  days: OfficeCalendarDay[];
}

/** PUT /api/cases/calendar/:year: the year's entries, replacing the stored ones whole. */
export interface OfficeCalendarYearRequest {
  days: OfficeCalendarDay[];
}

/** GET /api/cases/calendar/:year: the year's entries; `covered` false when the calendar lacks the year. */
export interface OfficeCalendarYearReply {
  year: number;
  covered: boolean;
  days: OfficeCalendarDay[];
}

/** Bounds of an administrator's year (the HTTP schema states the same ones). */
export const OFFICE_CALENDAR_LIMITS = { minYear: 2000, maxYear: 2100, maxDays: 60, maxName: 200, maxSource: 500 } as const;

/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD date (a calendar date: no time zone involved). */
export function weekdayOf(date: string): number {
  return new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay();
}

export const isWeekend = (date: string): boolean => {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
};

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** A day off (as opposed to a weekend day worked). */
export const isDayOffKind = (kind: OfficeDayKind): boolean => kind !== 'working_weekend';

/** Which days the public offices work, from the years of the calendar; pure, immutable. */
export interface WorkingCalendar {
  /** the years the calendar holds, ascending */
  readonly years: readonly number[];
  /** whether the year's notices are in the calendar (otherwise only weekends are known to be off) */
  covers(year: number): boolean;
  /** a YYYY-MM-DD date: worked by the public offices */
  isWorkingDay(date: string): boolean;
  /** the calendar's entry for that date, if it has one */
  entryOn(date: string): OfficeCalendarDay | undefined;
}

/**
 * The working calendar of these years. A year given twice counts once, the later one (as replacing
 * a year does). A year that is not given is Monday to Friday; whoever counts across it says so
 * (deadlines.ts warns), rather than guessing its holidays.
 */
export function workingCalendar(years: readonly OfficeCalendarYear[]): WorkingCalendar {
  const byYear = new Map<number, OfficeCalendarYear>();
  for (const y of years) byYear.set(y.year, y);
  const entries = new Map<string, OfficeCalendarDay>();
  for (const y of byYear.values()) for (const day of y.days) entries.set(day.date, day);
  const covered = [...byYear.keys()].sort((a, b) => a - b);
  return {
    years: covered,
    covers: (year) => byYear.has(year),
    entryOn: (date) => entries.get(date),
    isWorkingDay: (date) => {
      const entry = entries.get(date);
      if (entry) return !isDayOffKind(entry.kind);
      return !isWeekend(date);
    },
  };
}

/** The first working day strictly after the date. */
export function nextWorkingDay(calendar: WorkingCalendar, date: string): string {
  // ends: a year holds at most 366 entries and a year not in the calendar works Monday to Friday
  let day = addDays(date, 1);
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The `count` working days after the date, in order (the date itself never counts). */
export function workingDaysAfter(calendar: WorkingCalendar, date: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`workingDaysAfter: count ${count}`);
  const days: string[] = [];
  let day = date;
  while (days.length < count) {
    day = nextWorkingDay(calendar, day);
    days.push(day);
  }
  return days;
}

/** The date `count` working days after the date: day 1 is the first working day after it; 0 is the date itself. */
export function addWorkingDays(calendar: WorkingCalendar, date: string, count: number): string {
  return workingDaysAfter(calendar, date, count).at(-1) ?? date;
}

// ---------------------------------------------------------------------------------------------
// An administrator's year, checked before it replaces the stored one.

/** Why an entry (or, with no date, the year as a whole) is refused, in both languages. */
export interface CalendarProblem extends Bilingual {
  /** the entry's date as given, or null for the year as a whole */
  date: string | null;
}

export type OfficeYearCheck = { ok: true; year: OfficeCalendarYear } | { ok: false; problems: CalendarProblem[] };

/** The holidays of fixed solar date (Labour Code 2019 Art. 112): every year lists them. */
const FIXED_HOLIDAYS: readonly { monthDay: string; vi: string; en: string }[] = [
  { monthDay: '01-01', vi: 'Tết Dương lịch (01/01)', en: 'New Year’s Day (1 January)' },
  { monthDay: '04-30', vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' },
  { monthDay: '05-01', vi: 'Ngày Quốc tế Lao động (01/5)', en: 'International Workers’ Day (1 May)' },
  { monthDay: '09-02', vi: 'Quốc khánh (02/9)', en: 'National Day (2 September)' },
];

const WEEKDAYS: readonly Bilingual[] = [
  { vi: 'Chủ nhật', en: 'Sunday' },
  { vi: 'thứ Hai', en: 'Monday' },
  { vi: 'thứ Ba', en: 'Tuesday' },
  { vi: 'thứ Tư', en: 'Wednesday' },
  { vi: 'thứ Năm', en: 'Thursday' },
  { vi: 'thứ Sáu', en: 'Friday' },
  { vi: 'thứ Bảy', en: 'Saturday' },
];

const weekdayName = (date: string): Bilingual => WEEKDAYS[weekdayOf(date)] ?? { vi: '', en: '' };

/** "26/04/2025": how a Vietnamese reader writes a date. */
export const vietnameseDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** A problem naming its entry: "Ngày 26/04/2025 (Làm bù …): …" / "2025-04-26 (…): …". */
function entryProblem(day: Pick<OfficeCalendarDay, 'date' | 'nameVi' | 'nameEn'>, vi: string, en: string): CalendarProblem {
  const valid = isIsoDate(day.date);
  const nameVi = day.nameVi.trim() ? ` (${day.nameVi.trim()})` : '';
  const nameEn = day.nameEn.trim() ? ` (${day.nameEn.trim()})` : '';
  return {
    date: day.date,
    vi: `Ngày ${valid ? vietnameseDate(day.date) : `«${day.date}»`}${nameVi}: ${vi}`,
    en: `${day.date}${nameEn}: ${en}`,
  };
}

/** The text problems of one name or source: empty, too long, or over several lines. */
function textProblems(day: OfficeCalendarDay, value: string, max: number, what: Bilingual, required: boolean): CalendarProblem[] {
  const text = value.trim();
  if (required && !text) return [entryProblem(day, `thiếu ${what.vi}`, `${what.en} is missing`)];
  if (text.length > max) {
    return [entryProblem(day, `${what.vi} dài quá ${max} ký tự`, `${what.en} is longer than ${max} characters`)];
  }
  if (!isSingleLine(text)) return [entryProblem(day, `${what.vi} chỉ được nhập một dòng`, `${what.en} must be a single line`)];
  return [];
}

/** Rules 2–4 for one entry: a real date of the year, its texts, its kind on the right day of the week. */
function entryProblems(year: number, day: OfficeCalendarDay): CalendarProblem[] {
  const { maxName, maxSource } = OFFICE_CALENDAR_LIMITS;
  const problems = [
    ...textProblems(day, day.nameVi, maxName, { vi: 'tên tiếng Việt', en: 'the Vietnamese name' }, true),
    ...textProblems(day, day.nameEn, maxName, { vi: 'tên tiếng Anh', en: 'the English name' }, true),
    ...textProblems(day, day.source, maxSource, { vi: 'nguồn (văn bản, điều luật)', en: 'the source (notice, article)' }, true),
  ];
  if (!(OFFICE_DAY_KINDS as readonly string[]).includes(day.kind)) {
    problems.push(entryProblem(day, `loại ngày «${day.kind}» không có`, `there is no kind of day "${day.kind}"`));
    return problems;
  }
  if (!isIsoDate(day.date)) {
    problems.push(entryProblem(day, 'không phải ngày hợp lệ (YYYY-MM-DD)', 'is not a valid date (YYYY-MM-DD)'));
    return problems;
  }
  if (yearOf(day.date) !== year) {
    problems.push(entryProblem(day, `không thuộc năm ${year}`, `is not in ${year}`));
  }
  const weekday = weekdayName(day.date);
  if (day.kind === 'working_weekend' && !isWeekend(day.date)) {
    problems.push(
      entryProblem(
        day,
        `ngày làm bù phải là thứ Bảy hoặc Chủ nhật (ngày này là ${weekday.vi})`,
        `a weekend day worked must be a Saturday or a Sunday (this is a ${weekday.en})`,
      ),
    );
  }
  if ((day.kind === 'compensating' || day.kind === 'swapped_off') && isWeekend(day.date)) {
    problems.push(
      entryProblem(
        day,
        `ngày nghỉ bù, nghỉ hoán đổi phải là ngày thường (ngày này là ${weekday.vi}, vốn đã nghỉ)`,
        `a compensating or swapped day off must be a weekday (this is a ${weekday.en}, off anyway)`,
      ),
    );
  }
  return problems;
}

/**
 * Rule 5: a holiday written on a Saturday or a Sunday changes nothing by itself, so it is listed only
 * as part of an off-period the year states: the run of consecutive days off around it (weekends and
 * listed days off) holds a listed weekday off (its compensating day, or the other days of Tết). A
 * lone weekend holiday is a compensating day forgotten.
 */
function weekendHolidayStated(date: string, offDays: ReadonlyMap<string, OfficeCalendarDay>): boolean {
  const off = (d: string) => offDays.has(d) || isWeekend(d);
  const weekdayOff = (d: string) => offDays.has(d) && !isWeekend(d);
  for (const step of [-1, 1]) {
    // a run of days off is at most a few weeks long; 60 listed days bound it anyway
    for (let d = addDays(date, step); off(d); d = addDays(d, step)) if (weekdayOff(d)) return true;
  }
  return false;
}

/**
 * Checks a year the administrator entered, and gives it back tidy (names trimmed and NFC, days in
 * date order). The rules, kept few so that every refusal is plain:
 * 1. the year is 2000–2100 and lists at most 60 entries;
 * 2. every date is a real date of that year, listed once;
 * 3. every entry has a Vietnamese and an English name (one line, ≤ 200 characters) and its source
 *    (≤ 500);
 * 4. a weekend day worked is a Saturday or a Sunday; a compensating or swapped day off is a weekday;
 * 5. a holiday on a weekend belongs to an off-period with a listed weekday off (weekendHolidayStated);
 * 6. the fixed-date holidays of the Labour Code (1/1, 30/4, 1/5, 2/9) are listed as holidays — so
 *    a year is never empty, and a forgotten one is caught.
 * A swap that straddles two years (a Monday of December off, a Saturday of January worked) is two
 * entries, each in its own year.
 */
export function validateOfficeYear(year: number, days: readonly OfficeCalendarDay[]): OfficeYearCheck {
  const { minYear, maxYear, maxDays } = OFFICE_CALENDAR_LIMITS;
  if (!Number.isInteger(year) || year < minYear || year > maxYear) {
    return {
      ok: false,
      problems: [
        { date: null, vi: `Năm phải từ ${minYear} đến ${maxYear}`, en: `The year must be from ${minYear} to ${maxYear}` },
      ],
    };
  }
  const problems: CalendarProblem[] = [];
  if (days.length > maxDays) {
    problems.push({
      date: null,
      vi: `Một năm ghi tối đa ${maxDays} ngày (đã ghi ${days.length})`,
      en: `A year lists at most ${maxDays} days (${days.length} given)`,
    });
  }
  const tidy = days.map((d) => ({
    ...d,
    nameVi: cleanText(d.nameVi.trim()),
    nameEn: cleanText(d.nameEn.trim()),
    source: cleanText(d.source.trim()),
  }));
  const seen = new Set<string>();
  for (const day of tidy) {
    problems.push(...entryProblems(year, day));
    if (seen.has(day.date)) problems.push(entryProblem(day, 'được ghi hai lần', 'is listed twice'));
    seen.add(day.date);
  }
  const offDays = new Map(tidy.filter((d) => isIsoDate(d.date) && isDayOffKind(d.kind)).map((d) => [d.date, d]));
  for (const day of tidy) {
    if (day.kind !== 'holiday' || !isIsoDate(day.date) || !isWeekend(day.date)) continue;
    if (weekendHolidayStated(day.date, offDays)) continue;
    const weekday = weekdayName(day.date);
    problems.push(
      entryProblem(
        day,
        `ngày lễ rơi vào ${weekday.vi} phải đi cùng ngày nghỉ bù (ngày làm việc kế tiếp, Bộ luật Lao động Điều 111 khoản 3)`,
        `a holiday on a ${weekday.en} needs its compensating day off (the next working day, Labour Code Art. 111(3))`,
      ),
    );
  }
  for (const fixed of FIXED_HOLIDAYS) {
    const date = `${year}-${fixed.monthDay}`;
    if (offDays.get(date)?.kind === 'holiday') continue;
    problems.push({
      date,
      vi: `Thiếu ngày lễ ${fixed.vi} năm ${year} (Bộ luật Lao động Điều 112), loại «ngày lễ»`,
      en: `The holiday ${fixed.en} ${year} (Labour Code Art. 112) is missing, of kind "holiday"`,
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, year: { year, days: tidy.sort((a, b) => a.date.localeCompare(b.date)) } };
}
