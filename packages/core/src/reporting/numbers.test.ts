import { describe, expect, it } from 'vitest';
import { datedPlaceLine, formatViNumber, formatViValue, NO_DATA_VI, viDate } from './numbers.ts';

describe('formatViNumber', () => {
  it('groups thousands with "." and marks decimals with ","', () => {
    expect(formatViNumber(1450)).toBe('1.450');
    expect(formatViNumber(12.86)).toBe('12,86');
    expect(formatViNumber(1234567.891)).toBe('1.234.567,89');
    expect(formatViNumber(100000)).toBe('100.000');
    expect(formatViNumber(999)).toBe('999');
    expect(formatViNumber(0)).toBe('0');
  });

  it('rounds to at most `digits` decimals and drops trailing zeros', () => {
    expect(formatViNumber(12.8571)).toBe('12,86');
    expect(formatViNumber(95.5)).toBe('95,5');
    expect(formatViNumber(95.5, 0)).toBe('96');
    expect(formatViNumber(3.14159, 3)).toBe('3,142');
    expect(formatViNumber(2.999)).toBe('3');
    expect(formatViNumber(1.005)).toBe('1,01');
    expect(formatViNumber(999.999)).toBe('1.000');
  });

  it('handles negatives without a "-0"', () => {
    expect(formatViNumber(-1450.5)).toBe('-1.450,5');
    expect(formatViNumber(-0.001)).toBe('0');
    expect(formatViNumber(-0)).toBe('0');
  });

  it('does not break on very small or very large values', () => {
    expect(formatViNumber(1e-7)).toBe('0');
    expect(formatViNumber(1e20)).toBe('100.000.000.000.000.000.000');
  });
});

describe('formatViValue', () => {
  it('writes the unit after the figure', () => {
    expect(formatViValue(12.857, 'per1000')).toBe('12,86‰');
    expect(formatViValue(95.5, '%')).toBe('95,5%');
    expect(formatViValue(548.3, 'per100000')).toBe('548,3/100.000');
    expect(formatViValue(1450, 'count')).toBe('1.450');
    expect(formatViValue(12, 'trẻ')).toBe('12 trẻ');
  });

  it('writes a missing value as "Chưa có số liệu", never 0', () => {
    expect(formatViValue(null, '%')).toBe('Chưa có số liệu');
    expect(NO_DATA_VI).toBe('Chưa có số liệu');
    expect(formatViValue(0, '%')).toBe('0%');
  });
});

describe('dates', () => {
  it('viDate writes dd/mm/yyyy', () => {
    expect(viDate('2026-01-05')).toBe('05/01/2026');
    expect(viDate('2025-12-31')).toBe('31/12/2025');
  });

  it('datedPlaceLine pads days under 10 and the months 1 and 2 only (Nghị định 30/2020, Phụ lục I)', () => {
    expect(datedPlaceLine('Nghệ An', '2026-01-05')).toBe('Nghệ An, ngày 05 tháng 01 năm 2026');
    expect(datedPlaceLine('Nghệ An', '2025-02-28')).toBe('Nghệ An, ngày 28 tháng 02 năm 2025');
    expect(datedPlaceLine('Nghệ An', '2025-03-09')).toBe('Nghệ An, ngày 09 tháng 3 năm 2025');
    expect(datedPlaceLine('Hà Nội', '2025-11-10')).toBe('Hà Nội, ngày 10 tháng 11 năm 2025');
    expect(datedPlaceLine('Nghệ An', '2025-06-30')).toBe('Nghệ An, ngày 30 tháng 6 năm 2025');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => viDate('2025-02-30')).toThrow(RangeError);
    expect(() => datedPlaceLine('Nghệ An', '5/1/2026')).toThrow(RangeError);
    expect(() => viDate('2025-13-01')).toThrow(RangeError);
  });
});
