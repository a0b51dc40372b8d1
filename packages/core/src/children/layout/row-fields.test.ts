import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommunes } from '../../units/admin-units.ts';
import type { ChildField } from '../child.ts';
import { communeResolver } from './communes.ts';
import type { ChildCells } from './fields.ts';
import { normaliseChildRow, type RowContext } from './row.ts';

/** The optional fields of the layout, and the personal ID and commune code against the rest of the row. */
const DATA = new URL('../../../../server/data/admin-units/', import.meta.url);
const context: RowContext = {
  today: '2026-06-01',
  resolveCommune: communeResolver(parseCommunes(fs.readFileSync(new URL('communes.csv', DATA), 'utf8'))),
};

const BASE: ChildCells = { fullName: 'Nguyễn Thị Mai', birthDate: '15/03/2012', sex: 'Nữ', communeCode: '16702' };
const row = (cells: ChildCells) => normaliseChildRow({ ...BASE, ...cells }, context);
const value = (cells: ChildCells, field: ChildField) => {
  const r = row(cells);
  if (!r.draft) throw new Error(r.problems.map((p) => p.reason.en).join('\n'));
  return r.draft[field];
};
const problems = (cells: ChildCells) => {
  const r = row(cells);
  expect(r.draft).toBeUndefined();
  return r.problems.map((p) => `${p.field}: ${p.reason.en}`);
};
const warnings = (cells: ChildCells) => row(cells).warnings.map((w) => `${w.field}: ${w.reason.en}`);

describe('personal ID against the row', () => {
  it('a girl born 2012 needs G = 3 and YY = 12', () => {
    expect(value({ personalId: '001312000001' }, 'personalId')).toBe('001312000001');
    expect(problems({ personalId: '001212000001' })).toEqual([
      'personalId: Số định danh cá nhân (personal ID): the 4th digit (century and sex) does not agree with the birth year and sex: born 2000–2099 needs 2 (male) or 3 (female)',
    ]);
    expect(problems({ personalId: '001311000001' })).toEqual([
      'personalId: Số định danh cá nhân (personal ID): the 5th and 6th digits must be the last two digits of the birth year',
    ]);
  });

  it('a boy born 2009 in Nghệ An (old code 40): 040209…', () => {
    const r = normaliseChildRow(
      { ...BASE, sex: 'Nam', birthDate: '01/09/2009', personalId: '040209654321' },
      { ...context, today: '2025-06-01' },
    );
    expect(r.draft?.personalId).toBe('040209654321');
    expect(problems({ sex: 'Nam', birthDate: '01/09/2011', personalId: '040209654321' })).toEqual([
      'personalId: Số định danh cá nhân (personal ID): the 5th and 6th digits must be the last two digits of the birth year',
    ]);
  });

  it('lists each broken rule of the number', () => {
    expect(problems({ personalId: '003208000001' })).toHaveLength(3);
  });

  it('checks the structure and the sex alone when the birth date is unreadable', () => {
    expect(row({ birthDate: 'x', personalId: '001308000001' }).problems.map((p) => p.field)).toEqual(['birthDate']);
    expect(row({ birthDate: 'x', personalId: '001208000001' }).problems.map((p) => p.field)).toEqual(['birthDate', 'personalId']);
  });

  it.each([
    [40312000001, '040312000001'],
    [1312000001, '001312000001'],
  ])('adds the zeros Excel dropped from the number %d, with a warning', (cell, id) => {
    expect(value({ personalId: cell }, 'personalId')).toBe(id);
    expect(warnings({ personalId: cell })).toEqual([
      'personalId: Số định danh cá nhân (personal ID): leading zeros were added (Excel drops them; format the column as Text)',
    ]);
  });

  it('pads no other number', () => {
    expect(problems({ personalId: 131200001 })).toEqual([
      'personalId: Số định danh cá nhân (personal ID): needs exactly 12 digits, has 9',
    ]);
  });

  it('refuses a number that is not an integer', () => {
    expect(problems({ personalId: 1.5 })).toEqual(['personalId: Số định danh cá nhân (personal ID): may hold digits (0–9) only']);
  });
});

describe('commune code', () => {
  it('pads a code Excel shortened, with a warning', () => {
    expect(value({ communeCode: 4 }, 'communeCode')).toBe('00004');
    expect(warnings({ communeCode: 4 })).toEqual([
      'communeCode: Mã xã (commune code): "4" read as 00004 (Excel drops leading zeros; format the column as Text)',
    ]);
  });

  it('maps a pre-2025 code that went into one commune, with a warning', () => {
    expect(value({ communeCode: '17914' }, 'communeCode')).toBe('16702');
    expect(warnings({ communeCode: '17914' })).toEqual([
      'communeCode: Mã xã (commune code): the pre-2025 code 17914 (Xã Nghi Ân) was mapped to 16702 (Phường Vinh Phú)',
    ]);
  });

  it('refuses a pre-2025 code that was split, naming the candidates', () => {
    expect(problems({ communeCode: '00016' })).toEqual([
      'communeCode: Mã xã (commune code): 00016 is a pre-2025 commune code (Phường Ngọc Hà) now split among several communes: 00004 Phường Ba Đình; 00008 Phường Ngọc Hà; write the new code',
    ]);
  });

  it.each(['99999', '1234567', 'Vinh Phú'])('refuses %s', (code) => {
    expect(problems({ communeCode: code })).toHaveLength(1);
  });
});

describe('phone, address', () => {
  it('stores a phone as 0 and the national number', () => {
    expect(value({ phone: '+84 (24) 3823 4567' }, 'phone')).toBe('02438234567');
    expect(value({ phone: 912345678 }, 'phone')).toBe('0912345678');
  });

  it('refuses a phone that is no Vietnamese number', () => {
    expect(problems({ phone: '0412 345 678' })[0]).toContain('phone: Số điện thoại (phone): is not a Vietnamese phone number');
  });

  it('cleans an address to one line of NFC text', () => {
    expect(value({ address: '  Số 12,\r\n ngõ 34 '.normalize('NFD') }, 'address')).toBe('Số 12, ngõ 34');
    expect(value({ address: 12 }, 'address')).toBe('12');
  });

  it('refuses an address over 300 characters, a control character, or a date Excel made of "1/2"', () => {
    expect(value({ address: 'x'.repeat(300) }, 'address')).toHaveLength(300);
    expect(problems({ address: 'x'.repeat(301) })).toEqual(['address: Địa chỉ (address): is longer than 300 characters']);
    expect(problems({ address: 'Thôn\u0007Đông' })).toEqual([
      'address: Địa chỉ (address): control character U+0007 is not allowed',
    ]);
    expect(problems({ address: new Date(Date.UTC(2026, 1, 1)) })[0]).toContain('the cell is a date, not text');
  });
});

describe('groups, date identified, disability, schooling', () => {
  it('reads groups in the law order, đ apart from d', () => {
    expect(value({ groups: 'k, đ; a' }, 'groups')).toEqual(['a', 'đ', 'k']);
    expect(value({ groups: 'dd' }, 'groups')).toEqual(['đ']);
    expect(value({ groups: 'd' }, 'groups')).toEqual(['d']);
  });

  it('refuses an unknown group, naming the letter', () => {
    expect(problems({ groups: 'a; f' })).toEqual([
      'groups: Nhóm hoàn cảnh đặc biệt (special-circumstance groups): "f" is not a group of Luật Trẻ em Article 10 (letters a, b, c, d, đ, e, g, h, i, k, l, m, n, o)',
    ]);
  });

  it('reads the date identified like a birth date, not before birth nor in the future', () => {
    expect(value({ identifiedOn: 45658 }, 'identifiedOn')).toBe('2025-01-01');
    expect(value({ identifiedOn: '15/03/2012' }, 'identifiedOn')).toBe('2012-03-15');
    expect(problems({ identifiedOn: '14/03/2012' })).toEqual([
      'identifiedOn: Ngày xác định (date identified): is before the birth date',
    ]);
    expect(problems({ identifiedOn: '2026-06-02' })).toEqual(['identifiedOn: Ngày xác định (date identified): is in the future']);
    expect(problems({ identifiedOn: '2026-02-30' })[0]).toContain('not a real calendar date');
  });

  it('reads disability as Có/Không and XLSX booleans', () => {
    expect(value({ disability: 'không' }, 'disability')).toBe(false);
    expect(value({ disability: true }, 'disability')).toBe(true);
    expect(problems({ disability: 'Nặng' })[0]).toContain('must be Có (yes) or Không (no)');
  });

  it('warns when a child of group d is said to have no disability', () => {
    expect(warnings({ groups: 'd', disability: 'Không' })).toEqual([
      'disability: Khuyết tật (disability): says no but the child is in group d (children with disabilities)',
    ]);
  });

  it('reads the six schooling values', () => {
    const values = ['Chưa đi học', 'Mầm non', 'Tiểu học', 'THCS', 'THPT', 'Bỏ học'].map((s) =>
      value({ schooling: s }, 'schooling'),
    );
    expect(values).toEqual(['none', 'preschool', 'primary', 'lower_secondary', 'upper_secondary', 'dropped_out']);
    expect(problems({ schooling: 'Lớp 6' })).toHaveLength(1);
  });
});
