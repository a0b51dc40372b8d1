import { describe, expect, it } from 'vitest';
import { excelSerialDate, isIsoDate, isRealDate, isUnderAge, readDate } from './dates.ts';

const date = (value: string | number | Date) => {
  const r = readDate(value);
  if (!r.ok) throw new Error(`refused: ${r.reason.en}`);
  return r.value;
};
const refusal = (value: string | number | Date) => {
  const r = readDate(value);
  if (r.ok) throw new Error(`read as ${r.value}`);
  return r.reason.en;
};

describe('readDate: text', () => {
  it.each([
    ['15/03/2012', '2012-03-15'],
    ['5/3/2012', '2012-03-05'],
    ['05/03/2012', '2012-03-05'],
    ['2012-03-15', '2012-03-15'],
    ['2012-3-5', '2012-03-05'],
    ['15-03-2012', '2012-03-15'],
    ['15.03.2012', '2012-03-15'],
    ['  15/03/2012 ', '2012-03-15'],
    ['29/02/2012', '2012-02-29'],
    ['29/02/2000', '2000-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it.each([
    ['31/02/2012', 'not a real calendar date'],
    ['29/02/2013', 'not a real calendar date'],
    ['29/02/1900', 'not a real calendar date'],
    ['31/04/2012', 'not a real calendar date'],
    ['00/01/2012', 'not a real calendar date'],
    ['03/15/2012', 'day first'],
    ['15/03/12', 'dd/mm/yyyy'],
    ['15/03/2012 08:00', 'dd/mm/yyyy'],
    ['2012/03/15', 'dd/mm/yyyy'],
    ['ngày 15 tháng 3 năm 2012', 'dd/mm/yyyy'],
    ['2012', 'dd/mm/yyyy'],
    ['', 'dd/mm/yyyy'],
  ])('refuses %s', (text, reason) => {
    expect(refusal(text)).toContain(reason);
  });

  it('never quotes the value', () => {
    const r = readDate('31/02/2012');
    expect(r.ok ? '' : r.reason.vi + r.reason.en).not.toContain('2012');
  });
});

describe('readDate: Excel serials and Dates', () => {
  it.each([
    [40983, '2012-03-15'],
    [45658, '2025-01-01'],
    [45658.75, '2025-01-01'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
  ])('serial %d → %s (days since 1899-12-30 from 61 on)', (serial, iso) => {
    expect(excelSerialDate(serial)).toBe(iso);
    expect(date(serial)).toBe(iso);
  });

  it("refuses serial 60, Excel's 29 February 1900 that never was", () => {
    expect(excelSerialDate(60)).toBeUndefined();
    expect(refusal(60)).toContain('not an Excel date');
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, 3_000_000])('refuses the serial %d', (serial) => {
    expect(refusal(serial)).toContain('not an Excel date');
  });

  it('says so when the number is a year only', () => {
    expect(refusal(2012)).toContain('a year only');
  });

  it('reads a Date from an XLSX reader in UTC', () => {
    expect(date(new Date(Date.UTC(2012, 2, 15)))).toBe('2012-03-15');
    expect(date(new Date(Date.UTC(2012, 2, 15, 23, 30)))).toBe('2012-03-15');
  });

  it('refuses an invalid Date', () => {
    expect(refusal(new Date(Number.NaN))).toContain('invalid');
  });
});

describe('isRealDate and isIsoDate', () => {
  it('know leap years', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2100, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2023, 13, 1)).toBe(false);
    expect(isRealDate(2023, 1.5, 1)).toBe(false);
  });

  it('isIsoDate wants YYYY-MM-DD of a real day', () => {
    expect(isIsoDate('2026-05-20')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('20/05/2026')).toBe(false);
    expect(isIsoDate('2026-5-20')).toBe(false);
  });
});

describe('isUnderAge', () => {
  it('the 16th birthday itself is 16: no longer under 16', () => {
    expect(isUnderAge('2010-05-20', 16, '2026-05-19')).toBe(true);
    expect(isUnderAge('2010-05-20', 16, '2026-05-20')).toBe(false);
  });

  it('someone born on 29 February turns 16 on 29 February of a leap year', () => {
    expect(isUnderAge('2008-02-29', 16, '2024-02-28')).toBe(true);
    expect(isUnderAge('2008-02-29', 16, '2024-02-29')).toBe(false);
  });

  it('and on 1 March when the 16th year is a common year', () => {
    expect(isUnderAge('2084-02-29', 16, '2100-02-28')).toBe(true);
    expect(isUnderAge('2084-02-29', 16, '2100-03-01')).toBe(false);
  });
});
