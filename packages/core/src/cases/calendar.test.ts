import { describe, expect, it } from 'vitest';
import { lunarToSolar } from '../plans/parser/lunar.ts';
import {
  addWorkingDays,
  nextWorkingDay,
  validateOfficeYear,
  weekdayOf,
  workingCalendar,
  workingDaysAfter,
  type OfficeCalendarDay,
  type OfficeDayKind,
} from './calendar.ts';
import { SHIPPED_OFFICE_CALENDAR } from './office-calendar-data.ts';

const shipped = workingCalendar(SHIPPED_OFFICE_CALENDAR);
const entry = (date: string, kind: OfficeDayKind, nameVi = 'Ngày thử', nameEn = 'Test day'): OfficeCalendarDay => ({
  date,
  kind,
  nameVi,
  nameEn,
  source: 'Thông báo thử / test notice',
});
/** The four fixed-date holidays every year lists (rule 6), for the years the tests make up. */
const fixed = (year: number) => ['01-01', '04-30', '05-01', '09-02'].map((md) => entry(`${year}-${md}`, 'holiday'));

describe('the shipped calendar of 2025 and 2026', () => {
  it('passes the rules an administrator’s year must pass', () => {
    for (const year of SHIPPED_OFFICE_CALENDAR) {
      const check = validateOfficeYear(year.year, year.days);
      expect(check.ok ? [] : check.problems).toEqual([]);
    }
  });

  it('works Monday to Friday and rests at weekends outside the notices', () => {
    expect(shipped.isWorkingDay('2025-03-14')).toBe(true); // Friday
    expect(shipped.isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(shipped.isWorkingDay('2025-03-16')).toBe(false); // Sunday
  });

  it('knows the Tết of Ất Tỵ: 25 January to 2 February 2025 off, no weekend worked', () => {
    const off = ['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'];
    for (const d of [...off, '2025-02-01', '2025-02-02']) expect(shipped.isWorkingDay(d), d).toBe(false);
    expect(shipped.isWorkingDay('2025-01-24')).toBe(true);
    expect(shipped.isWorkingDay('2025-02-03')).toBe(true);
  });

  it('works Saturday 26 April 2025 and rests on Friday 2 May in its place', () => {
    expect(shipped.isWorkingDay('2025-04-26')).toBe(true);
    expect(shipped.entryOn('2025-04-26')?.kind).toBe('working_weekend');
    for (const d of ['2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04'])
      expect(shipped.isWorkingDay(d), d).toBe(false);
  });

  it('knows the swaps of 2026: 2 January off for 10 January, 31 August off for 22 August', () => {
    expect(shipped.isWorkingDay('2026-01-02')).toBe(false);
    expect(shipped.isWorkingDay('2026-01-10')).toBe(true);
    expect(shipped.isWorkingDay('2026-08-31')).toBe(false);
    expect(shipped.isWorkingDay('2026-08-22')).toBe(true);
    expect(shipped.isWorkingDay('2026-04-27')).toBe(false); // the Monday after the Hùng Kings’ Sunday
  });

  it('puts Mùng 1 Tết and 10/3 âm lịch (computed with @dqcai/vn-lunar) inside the days off it ships', () => {
    for (const year of [2025, 2026]) {
      const tet = lunarToSolar(1, 1, year);
      const hung = lunarToSolar(10, 3, year);
      expect(tet && shipped.entryOn(tet)?.kind, `Mùng 1 Tết ${year}: ${tet}`).toBe('holiday');
      expect(hung && shipped.entryOn(hung)?.kind, `10/3 âm lịch ${year}: ${hung}`).toBe('holiday');
      // five Tết days, all weekdays, one run of days off around Mùng 1
      const tetDays = SHIPPED_OFFICE_CALENDAR.find((y) => y.year === year)?.days.filter((d) => d.nameEn.includes('Tết')) ?? [];
      expect(tetDays).toHaveLength(5);
      expect(tetDays.every((d) => weekdayOf(d.date) >= 1 && weekdayOf(d.date) <= 5)).toBe(true);
    }
    expect(lunarToSolar(1, 1, 2025)).toBe('2025-01-29');
    expect(lunarToSolar(1, 1, 2026)).toBe('2026-02-17');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26'); // a Sunday: compensated on Monday 27 April
    expect(weekdayOf('2026-04-26')).toBe(0);
  });

  it('rests on 2 September and one adjacent day each year', () => {
    for (const year of [2025, 2026]) {
      expect(shipped.entryOn(`${year}-09-02`)?.kind).toBe('holiday');
      const adjacent = [`${year}-09-01`, `${year}-09-03`].filter((d) => shipped.entryOn(d)?.kind === 'holiday');
      expect(adjacent).toHaveLength(1);
    }
  });
});

describe('counting working days', () => {
  it('takes the first working day strictly after a date', () => {
    expect(nextWorkingDay(shipped, '2025-01-24')).toBe('2025-02-03');
    expect(nextWorkingDay(shipped, '2025-04-29')).toBe('2025-05-05');
    expect(nextWorkingDay(shipped, '2025-04-25')).toBe('2025-04-26'); // the Saturday worked
  });

  it('adds working days: day 1 is the first working day after the date, 0 is the date itself', () => {
    expect(workingDaysAfter(shipped, '2025-01-24', 5)).toEqual([
      '2025-02-03',
      '2025-02-04',
      '2025-02-05',
      '2025-02-06',
      '2025-02-07',
    ]);
    expect(addWorkingDays(shipped, '2025-01-24', 5)).toBe('2025-02-07');
    expect(addWorkingDays(shipped, '2025-01-24', 0)).toBe('2025-01-24');
    expect(() => workingDaysAfter(shipped, '2025-01-24', -1)).toThrow(RangeError);
  });

  it('counts a year it does not hold as Monday to Friday, and says it does not hold it', () => {
    expect(shipped.covers(2025)).toBe(true);
    expect(shipped.covers(2027)).toBe(false);
    expect(shipped.years).toEqual([2025, 2026]);
    expect(shipped.isWorkingDay('2027-01-01')).toBe(true); // a Friday, unknown: no guess at its holiday
    expect(nextWorkingDay(shipped, '2027-01-01')).toBe('2027-01-04');
  });

  it('takes a year given twice from the later one, as replacing a year does', () => {
    const cal = workingCalendar([
      { year: 2027, days: [entry('2027-03-01', 'holiday')] },
      { year: 2027, days: [entry('2027-03-02', 'holiday')] },
    ]);
    expect(cal.isWorkingDay('2027-03-01')).toBe(true);
    expect(cal.isWorkingDay('2027-03-02')).toBe(false);
  });
});

describe('an administrator’s year', () => {
  const problemsOf = (year: number, days: OfficeCalendarDay[]) => {
    const check = validateOfficeYear(year, days);
    return check.ok ? [] : check.problems;
  };

  it('comes back tidy: in date order, names trimmed and in NFC', () => {
    const decomposed = 'Tết Dương lịch'.normalize('NFD');
    const check = validateOfficeYear(2027, [...fixed(2027).reverse(), entry('2027-02-08', 'holiday', ` ${decomposed} `)]);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.year.days.map((d) => d.date)).toEqual(['2027-01-01', '2027-02-08', '2027-04-30', '2027-05-01', '2027-09-02']);
    expect(check.year.days[1]?.nameVi).toBe('Tết Dương lịch'.normalize('NFC'));
  });

  it('refuses a weekend day worked that is not a Saturday or Sunday, naming the entry in both languages', () => {
    const [problem] = problemsOf(2027, [...fixed(2027), entry('2027-03-02', 'working_weekend', 'Làm bù', 'Worked')]);
    expect(problem).toEqual({
      date: '2027-03-02',
      vi: 'Ngày 02/03/2027 (Làm bù): ngày làm bù phải là thứ Bảy hoặc Chủ nhật (ngày này là thứ Ba)',
      en: '2027-03-02 (Worked): a weekend day worked must be a Saturday or a Sunday (this is a Tuesday)',
    });
  });

  it('refuses a compensating or swapped day off on a weekend', () => {
    const problems = problemsOf(2027, [...fixed(2027), entry('2027-03-06', 'swapped_off'), entry('2027-03-07', 'compensating')]);
    expect(problems.map((p) => p.date)).toEqual(['2027-03-06', '2027-03-07']);
    expect(problems[0]?.vi).toContain('phải là ngày thường');
    expect(problems[0]?.en).toContain('must be a weekday');
  });

  it('refuses dates outside the year, dates that do not exist, and a date listed twice', () => {
    const problems = problemsOf(2027, [
      ...fixed(2027),
      entry('2028-01-03', 'holiday'),
      entry('2027-02-30', 'holiday'),
      entry('2027-03-01', 'holiday'),
      entry('2027-03-01', 'holiday'),
    ]);
    expect(problems.map((p) => [p.date, p.en.split(': ')[1]])).toEqual([
      ['2028-01-03', 'is not in 2027'],
      ['2027-02-30', 'is not a valid date (YYYY-MM-DD)'],
      ['2027-03-01', 'is listed twice'],
    ]);
  });

  it('refuses a missing, multi-line or overlong name and a missing source', () => {
    const problems = problemsOf(2027, [
      ...fixed(2027),
      entry('2027-03-01', 'holiday', ''),
      entry('2027-03-02', 'holiday', 'Ngày\nhai dòng'),
      entry('2027-03-03', 'holiday', 'Ngày thử', 'x'.repeat(201)),
      { ...entry('2027-03-04', 'holiday'), source: ' ' },
    ]);
    expect(problems.map((p) => p.en)).toEqual([
      '2027-03-01 (Test day): the Vietnamese name is missing',
      '2027-03-02 (Test day): the Vietnamese name must be a single line',
      `2027-03-03 (${'x'.repeat(201)}): the English name is longer than 200 characters`,
      '2027-03-04 (Test day): the source (notice, article) is missing',
    ]);
  });

  it('takes a holiday on a weekend only with the weekday off it belongs to', () => {
    // 1 January and 2 September 2028 are Saturdays: off anyway, so the weekday off each belongs to
    // must be listed (the compensating Monday; the adjacent Friday of National Day)
    const lone = problemsOf(2028, [...fixed(2028)]);
    expect(lone.map((p) => p.date)).toEqual(['2028-01-01', '2028-09-02']);
    expect(lone[0]?.en).toBe(
      '2028-01-01 (Test day): a holiday on a Saturday needs its compensating day off (the next working day, Labour Code Art. 111(3))',
    );
    const stated = [...fixed(2028), entry('2028-01-03', 'compensating'), entry('2028-09-01', 'holiday')];
    expect(problemsOf(2028, stated)).toEqual([]);
  });

  it('requires the fixed-date holidays of the Labour Code, so a year is never empty', () => {
    const problems = problemsOf(2027, []);
    expect(problems.map((p) => p.date)).toEqual(['2027-01-01', '2027-04-30', '2027-05-01', '2027-09-02']);
    expect(problems[0]?.vi).toBe('Thiếu ngày lễ Tết Dương lịch (01/01) năm 2027 (Bộ luật Lao động Điều 112), loại «ngày lễ»');
    const asSwap = problemsOf(2027, [...fixed(2027).slice(1), entry('2027-01-01', 'swapped_off')]);
    expect(asSwap.map((p) => p.date)).toEqual(['2027-01-01']);
  });

  it('refuses a year out of range and more than 60 entries', () => {
    expect(problemsOf(1999, fixed(1999))[0]?.en).toBe('The year must be from 2000 to 2100');
    const many = Array.from({ length: 57 }, (_, i) => entry(`2027-06-${String((i % 30) + 1).padStart(2, '0')}`, 'holiday'));
    expect(problemsOf(2027, [...fixed(2027), ...many])[0]).toEqual({
      date: null,
      vi: 'Một năm ghi tối đa 60 ngày (đã ghi 61)',
      en: 'A year lists at most 60 days (61 given)',
    });
  });
});
