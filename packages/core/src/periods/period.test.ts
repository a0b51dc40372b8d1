import { describe, expect, it } from 'vitest';
import {
  formatPeriod,
  halfYearPeriod,
  isPeriodCode,
  parsePeriod,
  periodContains,
  periodEnd,
  periodLabel,
  periodStart,
  periodsOfYear,
  yearPeriod,
} from './period.ts';

describe('period codes', () => {
  it.each([
    ['2025', 'year', 2025, 1, '2025-01-01', '2025-12-31'],
    ['2025S1', 'half', 2025, 1, '2025-01-01', '2025-06-30'],
    ['2025S2', 'half', 2025, 2, '2025-07-01', '2025-12-31'],
    ['2024S1', 'half', 2024, 1, '2024-01-01', '2024-06-30'],
  ] as const)('%s is a %s of %i (#%i) from %s to %s', (code, type, year, index, start, end) => {
    const p = parsePeriod(code);
    expect(p).toEqual({ type, year, index, code });
    if (!p) return;
    expect(formatPeriod(p)).toBe(code);
    expect(periodStart(p)).toBe(start);
    expect(periodEnd(p)).toBe(end);
  });

  it.each(['', '25', '2025S3', '2025S0', '2025s1', '2025Q1', '202501', '1800', '2025 ', ' 2025', '2025-S1'])(
    'refuses %j',
    (code) => {
      expect(parsePeriod(code)).toBeNull();
      expect(isPeriodCode(code)).toBe(false);
    },
  );

  it('builds, labels and enumerates periods', () => {
    expect(yearPeriod(2030).code).toBe('2030');
    expect(halfYearPeriod(2030, 2).code).toBe('2030S2');
    expect(periodsOfYear('half', 2025).map((p) => p.code)).toEqual(['2025S1', '2025S2']);
    expect(periodsOfYear('year', 2025).map((p) => p.code)).toEqual(['2025']);
    expect(periodLabel(halfYearPeriod(2025, 1)).vi).toBe('6 tháng đầu năm 2025');
    expect(periodLabel(yearPeriod(2025)).en).toBe('Year 2025');
  });

  it('tells whether a date falls within a period', () => {
    const s1 = halfYearPeriod(2025, 1);
    expect(periodContains(s1, '2025-06-30')).toBe(true);
    expect(periodContains(s1, '2025-07-01')).toBe(false);
    expect(periodContains(yearPeriod(2025), '2025-12-31')).toBe(true);
  });
});
