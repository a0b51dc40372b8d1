import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysOverdue, timelinessOf, vietnamDate } from './timeliness.ts';

describe('timeliness in Vietnam time', () => {
  it('takes the date in UTC+7, not the server’s', () => {
    expect(vietnamDate(new Date('2025-06-10T16:59:00Z'))).toBe('2025-06-10'); // 23:59 in Hà Nội
    expect(vietnamDate(new Date('2025-06-10T17:01:00Z'))).toBe('2025-06-11'); // 00:01 the next day
  });

  it('is on time at 23:59 on the deadline and one day late at 00:01 after it', () => {
    expect(timelinessOf(new Date('2025-06-10T16:59:00Z'), '2025-06-10')).toEqual({ onTime: true, daysLate: 0 });
    expect(timelinessOf(new Date('2025-06-10T17:01:00Z'), '2025-06-10')).toEqual({ onTime: false, daysLate: 1 });
  });

  it('counts an early submission as on time, never negative days', () => {
    expect(timelinessOf(new Date('2025-05-01T03:00:00Z'), '2025-06-10')).toEqual({ onTime: true, daysLate: 0 });
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(daysOverdue('2025-06-10', '2025-06-09')).toBe(0);
    expect(daysOverdue('2025-06-10', '2025-06-20')).toBe(10);
  });
});
