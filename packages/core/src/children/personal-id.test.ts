import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProvinces } from '../units/admin-units.ts';
import { centurySexDigit, maskPersonalId, personalIdProblems, PRE_2025_PROVINCE_CODES } from './personal-id.ts';

const DATA = new URL('../../../server/data/admin-units/', import.meta.url);

describe('the 63 pre-2025 province codes', () => {
  it('are the codes of provinces-before-2025.csv', () => {
    const provinces = parseProvinces(fs.readFileSync(new URL('provinces-before-2025.csv', DATA), 'utf8'));
    expect([...PRE_2025_PROVINCE_CODES]).toEqual(provinces.map((p) => p.code));
    expect(PRE_2025_PROVINCE_CODES).toHaveLength(63);
  });
});

describe('centurySexDigit', () => {
  it.each([
    [1950, 'male', 0],
    [1999, 'female', 1],
    [2000, 'male', 2],
    [2012, 'female', 3],
    [2100, 'male', 4],
    [2199, 'female', 5],
  ] as const)('%i %s → %i', (year, sex, digit) => {
    expect(centurySexDigit(year, sex)).toBe(digit);
  });

  it('is undefined outside 1900–2199', () => {
    expect(centurySexDigit(1899, 'male')).toBeUndefined();
    expect(centurySexDigit(2200, 'female')).toBeUndefined();
  });
});

describe('personalIdProblems', () => {
  it('accepts a boy born 2009 in Nghệ An (old code 40): 040209…', () => {
    expect(personalIdProblems('040209123456', { birthYear: 2009, sex: 'male' })).toEqual([]);
  });

  it('accepts a girl born 2012: G = 3, YY = 12', () => {
    expect(personalIdProblems('001312000001', { birthYear: 2012, sex: 'female' })).toEqual([]);
  });

  it('accepts the number grouped with spaces as on the card', () => {
    expect(personalIdProblems(' 040 2 09 123456 ', { birthYear: 2009, sex: 'male' })).toEqual([]);
  });

  it('checks the structure alone when the row gives neither birth year nor sex', () => {
    expect(personalIdProblems('079199999999')).toEqual([]);
  });

  it.each([
    ['dots', '040.209.123.456'],
    ['dashes', '040-209-123456'],
    ['letters', '04020912345A'],
    ['nothing', ''],
  ])('refuses %s: digits only', (_what, id) => {
    expect(personalIdProblems(id)).toEqual([{ vi: 'chỉ được có chữ số (0–9)', en: 'may hold digits (0–9) only' }]);
  });

  it('explains a number Excel turned into scientific notation', () => {
    const [p] = personalIdProblems('4.02091E+10');
    expect(p?.en).toContain('format the column as Text');
  });

  it.each([
    ['11 digits', '40209123456', 11],
    ['13 digits', '0402091234567', 13],
  ])('refuses %s, counting them', (_what, id, n) => {
    expect(personalIdProblems(id)).toEqual([{ vi: `cần đúng 12 chữ số, có ${n}`, en: `needs exactly 12 digits, has ${n}` }]);
  });

  it.each([
    ['a first digit other than 0', '140209123456'],
    ['a province code that never was (03)', '003209123456'],
    ['a post-2025-only gap (99)', '099209123456'],
  ])('refuses %s in the province part', (_what, id) => {
    const problems = personalIdProblems(id, { birthYear: 2009, sex: 'male' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.en).toContain('63 pre-2025 provinces');
  });

  it('refuses a century digit above 5', () => {
    expect(personalIdProblems('040609123456')[0]?.en).toContain('must be 0 to 5');
  });

  it('refuses a girl born 2012 with the boy digit 2', () => {
    const problems = personalIdProblems('001212000001', { birthYear: 2012, sex: 'female' });
    expect(problems).toEqual([
      {
        vi: 'chữ số thứ 4 (thế kỷ và giới tính) không khớp với năm sinh và giới tính: sinh năm 2000–2099 cần 2 (Nam) hoặc 3 (Nữ)',
        en: 'the 4th digit (century and sex) does not agree with the birth year and sex: born 2000–2099 needs 2 (male) or 3 (female)',
      },
    ]);
  });

  it('refuses a 1900s digit for a child born in the 2000s, sex unknown', () => {
    const [p] = personalIdProblems('001012000001', { birthYear: 2012 });
    expect(p?.vi).toBe('chữ số thứ 4 (thế kỷ và giới tính) không khớp với năm sinh: sinh năm 2000–2099 cần 2 (Nam) hoặc 3 (Nữ)');
  });

  it('checks the sex alone (even male, odd female) when the birth year is unknown', () => {
    expect(personalIdProblems('001312000001', { sex: 'male' })[0]?.en).toContain('even is male, odd is female');
    expect(personalIdProblems('001312000001', { sex: 'female' })).toEqual([]);
  });

  it('refuses a year part that is not the birth year', () => {
    expect(personalIdProblems('040208123456', { birthYear: 2009, sex: 'male' })).toEqual([
      {
        vi: 'chữ số thứ 5 và 6 phải là hai số cuối của năm sinh',
        en: 'the 5th and 6th digits must be the last two digits of the birth year',
      },
    ]);
  });

  it('lists every broken rule', () => {
    expect(personalIdProblems('003308123456', { birthYear: 2009, sex: 'male' })).toHaveLength(3);
  });

  it('never quotes the number or its digits', () => {
    const id = '093597864231';
    for (const p of personalIdProblems(id, { birthYear: 2012, sex: 'male' })) {
      for (const text of [p.vi, p.en]) {
        expect(text).not.toContain(id);
        expect(text).not.toMatch(/\b97\b|864231/);
      }
    }
  });
});

describe('maskPersonalId', () => {
  it('shows the last four digits only', () => {
    expect(maskPersonalId('040209121234')).toBe('••••••••1234');
    expect(maskPersonalId('040 209 121 234')).toBe('••••••••1234');
  });

  it('hides a value of four characters or fewer entirely', () => {
    expect(maskPersonalId('1234')).toBe('••••');
    expect(maskPersonalId('')).toBe('');
  });
});
