import { describe, expect, it } from 'vitest';
import { MAX_COUNT, countOf, countProblem, measureValueProblem, parseCount } from './counts.ts';

const value = (text: string, grouping = true) => {
  const r = parseCount(text, { grouping });
  return 'value' in r ? r.value : undefined;
};
const problem = (text: string, grouping = true) => {
  const r = parseCount(text, { grouping });
  return 'problem' in r ? r.problem : undefined;
};

describe('countProblem', () => {
  it('accepts whole numbers from 0 to 10^12', () => {
    for (const n of [0, 1, 1234, 25_000_000, MAX_COUNT]) expect(countProblem(n)).toBeNull();
    expect(MAX_COUNT).toBe(1e12);
  });

  it('refuses Infinity, NaN, 1e308, 2^60, -0, negatives and decimals', () => {
    expect(countProblem(Infinity)?.en).toBe('not a number');
    expect(countProblem(-Infinity)?.en).toBe('not a number');
    expect(countProblem(NaN)?.vi).toBe('không phải là số');
    expect(countProblem(1e308)?.en).toMatch(/above the largest count/);
    expect(countProblem(2 ** 60)).toEqual({
      vi: '1152921504606846976 vượt quá giới hạn của một số đếm (tối đa 1.000.000.000.000 (10^12))',
      en: '1152921504606846976 is above the largest count allowed (1,000,000,000,000 (10^12))',
    });
    expect(countProblem(MAX_COUNT + 1)?.en).toMatch(/above/);
    expect(countProblem(-0)).toEqual({ vi: 'số âm (-0) không hợp lệ', en: 'negative value (-0)' });
    expect(countProblem(-3)).toEqual({ vi: 'số âm (-3) không hợp lệ', en: 'negative value (-3)' });
    expect(countProblem(12.5)).toEqual({ vi: '12.5 không phải số nguyên', en: '12.5 is not a whole count' });
  });
});

describe('measureValueProblem', () => {
  it('accepts rates with decimals up to the bound', () => {
    for (const n of [0, 0.05, 99.3, 550, MAX_COUNT]) expect(measureValueProblem(n)).toBeNull();
  });
  it('refuses non-finite, negative, -0 and too large values', () => {
    for (const n of [Infinity, NaN, -1, -0, 1e308, 2 ** 60]) expect(measureValueProblem(n)).not.toBeNull();
  });
});

describe('parseCount', () => {
  it('reads plain digits and thousands grouped by dots, spaces or commas', () => {
    expect(value('1234')).toBe(1234);
    expect(value(' 42 ')).toBe(42);
    expect(value('007')).toBe(7);
    expect(value('0')).toBe(0);
    expect(value('1.234')).toBe(1234);
    expect(value('1.000')).toBe(1000);
    expect(value('1 234')).toBe(1234);
    expect(value('1\u00a0234')).toBe(1234);
    expect(value('1\u202f234\u202f567')).toBe(1234567);
    expect(value('1,234')).toBe(1234);
    expect(value('12.345.678')).toBe(12345678);
    expect(value('1.000.000.000.000')).toBe(MAX_COUNT);
  });

  it('refuses decimals in Vietnamese and English writing', () => {
    expect(problem('12,5')).toEqual({
      vi: 'số thập phân (12,5) không hợp lệ: số đếm phải là số nguyên',
      en: 'a decimal (12,5) is not valid: a count is a whole number',
    });
    for (const t of ['12.5', '1.234,5', '1,234.567', '0.500', '0,5', '1.2345', '3.14']) {
      expect(problem(t)?.en, t).toMatch(/decimal/);
    }
  });

  it('refuses misplaced or mixed group separators rather than guessing', () => {
    for (const t of ['1.23.456', '1 2345', '1..234', '1.234 567', '.5', '1.']) expect(value(t), t).toBeUndefined();
    expect(problem('1.23.456')?.en).toMatch(/wrong place/);
  });

  it('refuses signs, powers of ten, words and numbers above the bound', () => {
    expect(problem('-3')).toEqual({ vi: 'số âm (-3) không hợp lệ', en: 'negative value (-3)' });
    expect(problem('-0')?.en).toBe('negative value (-0)');
    expect(problem('+5')?.en).toMatch(/without "\+"/);
    expect(problem('1e3')?.en).toMatch(/power of ten/);
    expect(problem('1e308')?.en).toMatch(/power of ten/);
    expect(problem('Infinity')?.en).toBe('not a number (Infinity)');
    expect(problem('NaN')?.en).toBe('not a number (NaN)');
    expect(problem('mười')?.vi).toBe('không phải là số (mười)');
    expect(problem('1152921504606846976')?.en).toMatch(/above the largest count/);
    expect(problem('1.000.000.000.001')?.en).toMatch(/above the largest count/);
    expect(problem('')?.en).toBe('empty');
    expect(problem('   ')?.en).toBe('empty');
  });

  it('takes plain digits only from machine formats', () => {
    expect(value('1234', false)).toBe(1234);
    expect(value('1.234', false)).toBeUndefined();
    expect(problem('1.234', false)?.en).toMatch(/digits only/);
    expect(problem('1 234', false)?.en).toMatch(/digits only/);
    expect(problem('12.0', false)?.en).toBe('a decimal (12.0) is not valid: a count is a whole number');
    expect(problem('2.5', false)?.en).toBe('a decimal (2.5) is not valid: a count is a whole number');
    expect(problem('-1', false)?.en).toBe('negative value (-1)');
  });
});

describe('countOf', () => {
  it('checks a number as it is and reads a text', () => {
    expect(countOf(12)).toEqual({ value: 12 });
    expect(countOf(12.5)).toEqual({ problem: { vi: '12.5 không phải số nguyên', en: '12.5 is not a whole count' } });
    expect(countOf(1e308)).toHaveProperty('problem');
    expect(countOf('1.234')).toEqual({ value: 1234 });
    expect(countOf('1.234', { grouping: false })).toHaveProperty('problem');
  });
});
