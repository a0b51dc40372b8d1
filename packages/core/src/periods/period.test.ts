import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  containsPeriod,
  formatPeriod,
  halfYearPeriod,
  isPeriodCode,
  monthPeriod,
  nextPeriod,
  parsePeriod,
  periodContains,
  periodEnd,
  periodLabel,
  periodStart,
  periodType,
  periodsInYear,
  periodsOfYear,
  periodsWithin,
  previousPeriod,
  quarterPeriod,
  yearPeriod,
  type Period,
} from './period.ts';

const p = (code: string): Period => {
  const parsed = parsePeriod(code);
  if (!parsed) throw new Error(`bad test period ${code}`);
  return parsed;
};

describe('period codes', () => {
  it.each([
    ['2025', 'year', 2025, 1, '2025-01-01', '2025-12-31'],
    ['2025S1', 'half', 2025, 1, '2025-01-01', '2025-06-30'],
    ['2025S2', 'half', 2025, 2, '2025-07-01', '2025-12-31'],
    ['2024S1', 'half', 2024, 1, '2024-01-01', '2024-06-30'],
    ['2025Q1', 'quarter', 2025, 1, '2025-01-01', '2025-03-31'],
    ['2025Q4', 'quarter', 2025, 4, '2025-10-01', '2025-12-31'],
    ['202501', 'month', 2025, 1, '2025-01-01', '2025-01-31'],
    // leap year: February 2024 has 29 days, February 2025 has 28
    ['202402', 'month', 2024, 2, '2024-02-01', '2024-02-29'],
    ['202502', 'month', 2025, 2, '2025-02-01', '2025-02-28'],
    ['202512', 'month', 2025, 12, '2025-12-01', '2025-12-31'],
  ] as const)('%s is a %s of %i (#%i) from %s to %s', (code, type, year, index, start, end) => {
    const p = parsePeriod(code);
    expect(p).toEqual({ type, year, index, code });
    if (!p) return;
    expect(formatPeriod(p)).toBe(code);
    expect(periodStart(p)).toBe(start);
    expect(periodEnd(p)).toBe(end);
  });

  it.each([
    '',
    '25',
    '2025S3',
    '2025S0',
    '2025s1',
    '2025Q0',
    '2025Q5',
    '2025q1',
    '202500',
    '202513',
    '20251',
    '2025-01',
    '1800',
    '180001',
    '2025 ',
    ' 2025',
    '2025-S1',
  ])('refuses %j', (code) => {
    expect(parsePeriod(code)).toBeNull();
    expect(isPeriodCode(code)).toBe(false);
  });

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

describe('quarters, months and their relations', () => {
  it('names the type of a code', () => {
    expect(periodType('2025')).toBe('year');
    expect(periodType('2025S2')).toBe('half');
    expect(periodType('2025Q3')).toBe('quarter');
    expect(periodType('202511')).toBe('month');
    expect(periodType('2025M11')).toBeNull();
  });

  it('builds and labels quarters and months', () => {
    expect(quarterPeriod(2025, 3).code).toBe('2025Q3');
    expect(monthPeriod(2025, 7).code).toBe('202507');
    expect(() => monthPeriod(2025, 13)).toThrow(RangeError);
    expect(periodLabel(p('2025Q3'))).toEqual({ vi: 'Quý III năm 2025', en: 'Q3 2025' });
    expect(periodLabel(p('202507'))).toEqual({ vi: 'Tháng 7 năm 2025', en: 'July 2025' });
  });

  it('lists the periods of a year', () => {
    expect(periodsInYear('quarter', 2025).map((x) => x.code)).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    const months = periodsInYear('month', 2025).map((x) => x.code);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('202501');
    expect(months[11]).toBe('202512');
  });

  it.each([
    ['2025', '2024'],
    ['2025S2', '2025S1'],
    ['2025S1', '2024S2'],
    ['2025Q1', '2024Q4'],
    ['2025Q3', '2025Q2'],
    ['202501', '202412'],
    ['202510', '202509'],
  ])('the period before %s is %s (and the one after it is back)', (code, before) => {
    expect(previousPeriod(p(code)).code).toBe(before);
    expect(nextPeriod(p(before)).code).toBe(code);
  });

  it('knows which periods contain which', () => {
    const y = p('2025');
    for (const child of ['2025', '2025S1', '2025S2', '2025Q1', '2025Q4', '202501', '202512']) {
      expect(containsPeriod(y, p(child))).toBe(true);
    }
    expect(containsPeriod(y, p('2024S2'))).toBe(false);
    expect(containsPeriod(y, p('202601'))).toBe(false);
    expect(containsPeriod(p('2025S1'), p('2025Q2'))).toBe(true);
    expect(containsPeriod(p('2025S1'), p('2025Q3'))).toBe(false);
    expect(containsPeriod(p('2025S1'), p('202506'))).toBe(true);
    expect(containsPeriod(p('2025S1'), p('202507'))).toBe(false);
    // a shorter period never contains a longer one
    expect(containsPeriod(p('2025Q1'), p('2025S1'))).toBe(false);
    expect(containsPeriod(p('2025S1'), y)).toBe(false);
  });

  it('splits a period into shorter ones', () => {
    expect(periodsWithin(p('2025S2'), 'quarter').map((x) => x.code)).toEqual(['2025Q3', '2025Q4']);
    expect(periodsWithin(p('2025Q2'), 'month').map((x) => x.code)).toEqual(['202504', '202505', '202506']);
    expect(periodsWithin(p('2025Q2'), 'year')).toEqual([]);
  });

  it('orders periods chronologically, longer first on the same start', () => {
    const sorted = ['202507', '2025Q1', '2024', '2025S2', '2025', '2025S1'].map(p).sort(comparePeriods);
    expect(sorted.map((x) => x.code)).toEqual(['2024', '2025', '2025S1', '2025Q1', '2025S2', '202507']);
  });
});
