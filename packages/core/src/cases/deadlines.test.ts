import { describe, expect, it } from 'vitest';
import { workingCalendar } from './calendar.ts';
import { caseDeadlines, clockState, parseReceivedAt, vietnamTimestamp } from './deadlines.ts';
import { SHIPPED_OFFICE_CALENDAR } from './office-calendar-data.ts';

const calendar = workingCalendar(SHIPPED_OFFICE_CALENDAR);
const at = (iso: string) => new Date(iso);
const due = (received: string) => caseDeadlines(at(received), calendar);

describe('the legal clocks of a case', () => {
  it('the issue’s example: received Friday 24 January 2025 at 15:00, before Tết', () => {
    expect(due('2025-01-24T15:00:00+07:00')).toEqual({
      received: '2025-01-24T15:00:00+07:00',
      emergencyMeasuresBy: '2025-01-25T03:00:00+07:00',
      planDueDate: '2025-02-07',
      planBy: '2025-02-07T23:59:59+07:00',
      planWorkingDays: ['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07'],
      warnings: [],
    });
  });

  it('skips a plain weekend', () => {
    const d = due('2025-03-13T10:00:00+07:00'); // a Thursday
    expect(d.planWorkingDays).toEqual(['2025-03-14', '2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20']);
    expect(d.emergencyMeasuresBy).toBe('2025-03-13T22:00:00+07:00');
  });

  it('skips Tết Bính Ngọ 2026 (14–22 February)', () => {
    expect(due('2026-02-13T09:00:00+07:00').planWorkingDays).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
    ]);
    expect(due('2026-02-12T09:00:00+07:00').planDueDate).toBe('2026-02-26'); // Friday 13 counts, then Tết
  });

  it('counts Saturday 26 April 2025, worked in place of Friday 2 May, and skips 30/4–4/5', () => {
    expect(due('2025-04-24T09:00:00+07:00').planWorkingDays).toEqual([
      '2025-04-25',
      '2025-04-26',
      '2025-04-28',
      '2025-04-29',
      '2025-05-05',
    ]);
  });

  it('a report at 23:30 on the eve of 30/4 is still 29 April: plan due Friday 9 May, emergency by 11:30 on 30 April', () => {
    const d = due('2025-04-29T23:30:00+07:00');
    expect(d.planWorkingDays[0]).toBe('2025-05-05');
    expect(d.planDueDate).toBe('2025-05-09');
    expect(d.planBy).toBe('2025-05-09T23:59:59+07:00');
    expect(d.emergencyMeasuresBy).toBe('2025-04-30T11:30:00+07:00');
  });

  it('takes a moment given in UTC on its Vietnam date, which may be the next day', () => {
    // 17:30 UTC on Thursday 23 January is 00:30 on Friday 24 January in Vietnam: the count starts after Friday
    const d = due('2025-01-23T17:30:00Z');
    expect(d.received).toBe('2025-01-24T00:30:00+07:00');
    expect(d.emergencyMeasuresBy).toBe('2025-01-24T12:30:00+07:00');
    expect(d.planWorkingDays[0]).toBe('2025-02-03');
    expect(d.planDueDate).toBe('2025-02-07'); // read as 23 January it would be 6 February
    expect(due('2025-04-29T17:30:00Z').received).toBe('2025-04-30T00:30:00+07:00');
  });

  it('skips National Day 2025 (30/8–2/9) and 2026 with its swap (31/8 off, Saturday 22/8 worked)', () => {
    expect(due('2025-08-29T10:00:00+07:00').planDueDate).toBe('2025-09-09');
    expect(due('2026-08-21T10:00:00+07:00').planWorkingDays).toEqual([
      '2026-08-22',
      '2026-08-24',
      '2026-08-25',
      '2026-08-26',
      '2026-08-27',
    ]);
    expect(due('2026-08-28T10:00:00+07:00').planWorkingDays).toEqual([
      '2026-09-03',
      '2026-09-04',
      '2026-09-07',
      '2026-09-08',
      '2026-09-09',
    ]);
  });

  it('skips New Year 2026 with its swap (2 January off, Saturday 10 January worked)', () => {
    expect(due('2025-12-31T14:00:00+07:00').planDueDate).toBe('2026-01-09');
    expect(due('2026-01-08T14:00:00+07:00').planWorkingDays).toEqual([
      '2026-01-09',
      '2026-01-10',
      '2026-01-12',
      '2026-01-13',
      '2026-01-14',
    ]);
  });

  it('counts a year missing from the calendar as Monday to Friday and warns, in both languages', () => {
    const d = due('2027-03-10T09:00:00+07:00');
    expect(d.planDueDate).toBe('2027-03-17');
    expect(d.warnings).toEqual([
      {
        code: 'calendar_missing',
        year: 2027,
        vi: 'Chưa có lịch nghỉ lễ, làm bù năm 2027 của cơ quan nhà nước: hạn chỉ trừ thứ Bảy, Chủ nhật — quản trị viên cần nhập lịch năm 2027',
        en: "The public offices' calendar of 2027 is missing: the deadline leaves out only Saturdays and Sundays — the administrator should enter 2027",
      },
    ]);
  });

  it('warns when the count runs into a missing year, even from a year it holds', () => {
    const d = due('2026-12-29T09:00:00+07:00');
    expect(d.planWorkingDays).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04', '2027-01-05']);
    expect(d.warnings.map((w) => w.year)).toEqual([2027]);
    expect(due('2026-12-10T09:00:00+07:00').warnings).toEqual([]);
  });

  it('refuses an invalid moment', () => {
    expect(() => caseDeadlines(new Date('nope'), calendar)).toThrow(RangeError);
  });
});

describe('where a clock stands', () => {
  const planBy = '2025-02-07T23:59:59+07:00';
  const day = 86_400_000;

  it('ok, near, overdue, and met once the step is taken', () => {
    expect(clockState(planBy, at('2025-02-03T09:00:00+07:00'), day)).toBe('ok');
    expect(clockState(planBy, at('2025-02-07T09:00:00+07:00'), day)).toBe('near');
    expect(clockState(planBy, at('2025-02-08T00:00:00+07:00'), day)).toBe('overdue');
    expect(clockState(planBy, at('2025-02-10T00:00:00+07:00'), day, '2025-02-09T10:00:00+07:00')).toBe('met');
    expect(clockState(new Date(planBy), at('2025-02-03T09:00:00+07:00'), day, null)).toBe('ok');
  });

  it('is not overdue within the deadline’s last second', () => {
    expect(clockState(planBy, at('2025-02-07T16:59:59.900Z'), 0)).toBe('near');
    expect(clockState(planBy, at('2025-02-07T17:00:00.000Z'), 0)).toBe('overdue');
  });

  it('refuses a deadline that is not a moment', () => {
    expect(() => clockState('hôm nay', new Date(), day)).toThrow(RangeError);
  });
});

describe('reading the moment a report was received', () => {
  it('takes an ISO timestamp with an offset or Z', () => {
    expect(parseReceivedAt('2025-01-24T15:00:00+07:00')?.toISOString()).toBe('2025-01-24T08:00:00.000Z');
    expect(parseReceivedAt('2025-01-24T08:00:00Z')?.toISOString()).toBe('2025-01-24T08:00:00.000Z');
    expect(parseReceivedAt('2025-01-24T10:00:00.5-05:30')?.toISOString()).toBe('2025-01-24T15:30:00.500Z');
  });

  it('reads a timestamp without an offset as Vietnam time, whatever the machine’s zone', () => {
    expect(parseReceivedAt('2025-01-24T15:00')?.toISOString()).toBe('2025-01-24T08:00:00.000Z');
  });

  it('refuses what is not a moment', () => {
    for (const bad of [
      '',
      'hôm qua',
      '2025-01-24',
      '2025-02-30T10:00:00+07:00',
      '2025-01-24T24:00:00+07:00',
      '1999-12-31T10:00:00Z',
      '2025-01-24T10:00:00+15:00',
    ]) {
      expect(parseReceivedAt(bad), bad).toBeUndefined();
    }
  });

  it('writes a moment on Vietnam’s clock, with milliseconds only when there are some', () => {
    expect(vietnamTimestamp(at('2025-01-24T17:30:00Z'))).toBe('2025-01-25T00:30:00+07:00');
    expect(vietnamTimestamp(at('2025-01-24T17:30:00.250Z'))).toBe('2025-01-25T00:30:00.250+07:00');
  });
});
