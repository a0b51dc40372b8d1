import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommunes } from '../../units/admin-units.ts';
import type { ChildField } from '../child.ts';
import { communeResolver } from './communes.ts';
import type { ChildCells } from './fields.ts';
import { normaliseChildRow, type RowContext } from './row.ts';

const DATA = new URL('../../../../server/data/admin-units/', import.meta.url);
const context: RowContext = {
  today: '2026-06-01',
  resolveCommune: communeResolver(parseCommunes(fs.readFileSync(new URL('communes.csv', DATA), 'utf8'))),
};

const BASE: ChildCells = { fullName: 'NGUYỄN VĂN AN', birthDate: '15/03/2012', sex: 'Nam', communeCode: '16702' };
const row = (cells: ChildCells, ctx: RowContext = context) => normaliseChildRow({ ...BASE, ...cells }, ctx);
/** The draft's value of one field, failing the test when the row is refused. */
const value = (cells: ChildCells, field: ChildField) => {
  const r = row(cells);
  if (!r.draft) throw new Error(r.problems.map((p) => p.reason.en).join('\n'));
  return r.draft[field];
};
/** The one problem of the row, as field and English reason. */
const problem = (cells: ChildCells) => {
  const { problems, draft } = row(cells);
  expect(draft).toBeUndefined();
  expect(problems).toHaveLength(1);
  return { field: problems[0]?.field, en: problems[0]?.reason.en ?? '', vi: problems[0]?.reason.vi ?? '' };
};
const warningsOf = (cells: ChildCells) => row(cells).warnings.map((w) => `${w.field}: ${w.reason.en}`);

describe('normaliseChildRow: a whole row', () => {
  it('reads the four required fields, the others empty', () => {
    expect(row({})).toEqual({
      draft: {
        fullName: 'Nguyễn Văn An',
        birthDate: '2012-03-15',
        sex: 'male',
        ethnicity: null,
        ethnicityListed: false,
        personalId: null,
        communeCode: '16702',
        address: null,
        motherName: null,
        fatherName: null,
        carerName: null,
        phone: null,
        groups: [],
        identifiedOn: null,
        disability: null,
        schooling: null,
      },
      problems: [],
      warnings: [],
    });
  });

  it('reads every field of the layout', () => {
    const r = row({
      ethnicity: 'Mông',
      personalId: '040 212 123456',
      address: ' Xóm 3,\n thôn Đông ',
      motherName: 'trần thị bình',
      fatherName: 'Nguyễn Văn Ba',
      carerName: "H'Hen Niê",
      phone: '+84 912 345 678',
      groups: 'd; a',
      identifiedOn: '10/01/2020',
      disability: 'Có',
      schooling: 'THCS',
    });
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.draft).toMatchObject({
      ethnicity: "H'Mông",
      ethnicityListed: true,
      personalId: '040212123456',
      address: 'Xóm 3, thôn Đông',
      motherName: 'Trần Thị Bình',
      fatherName: 'Nguyễn Văn Ba',
      carerName: "H'Hen Niê",
      phone: '0912345678',
      groups: ['a', 'd'],
      identifiedOn: '2020-01-10',
      disability: true,
      schooling: 'lower_secondary',
    });
  });

  it('reports every problem of a row at once, without a draft', () => {
    const r = normaliseChildRow({ fullName: '', birthDate: '31/02/2012', sex: 'X', communeCode: null, phone: '12' }, context);
    expect(r.draft).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(['fullName', 'birthDate', 'sex', 'communeCode', 'phone']);
  });

  it('names the field by its layout header in both languages', () => {
    expect(problem({ fullName: null })).toEqual({
      field: 'fullName',
      vi: 'Họ và tên: bắt buộc, ô đang trống',
      en: 'Họ và tên (full name): is required and the cell is empty',
    });
  });

  it.each(['fullName', 'birthDate', 'sex', 'communeCode'] as const)('refuses an empty %s', (field) => {
    for (const empty of [null, undefined, '', '   ']) expect(problem({ [field]: empty }).field).toBe(field);
  });

  it('never quotes the name, ID, birth date or phone in a reason', () => {
    const r = normaliseChildRow(
      {
        fullName: 'Lê Thị Hoa 2',
        birthDate: '31/02/2011',
        sex: 'Nữ',
        personalId: '001298765432',
        phone: '0412345678',
        motherName: 'Mẹ 1',
        communeCode: '16702',
      },
      context,
    );
    expect(r.problems.map((p) => p.field)).toEqual(['fullName', 'birthDate', 'motherName', 'phone', 'personalId']);
    const all = JSON.stringify(r);
    for (const secret of ['Lê Thị Hoa', '001298765432', '98765432', '0412345678', '31/02', 'Mẹ 1']) {
      expect(all).not.toContain(secret);
    }
  });

  it('drops invisible spaces copied from web pages, so equal names compare equal', () => {
    expect(value({ fullName: 'Nguyễn\u200b Văn\u00a0An\u00ad' }, 'fullName')).toBe('Nguyễn Văn An');
  });

  it('never throws on cells of the wrong kind', () => {
    const odd = { richText: [{ text: 'An' }] } as unknown as string;
    const r = normaliseChildRow(
      { fullName: odd, birthDate: odd, sex: odd, communeCode: odd, phone: odd, disability: odd, personalId: odd },
      context,
    );
    expect(r.problems.map((p) => p.field)).toEqual([
      'fullName',
      'birthDate',
      'sex',
      'communeCode',
      'phone',
      'disability',
      'personalId',
    ]);
  });
});

describe('normaliseChildRow: birth date', () => {
  it.each([
    ['15/03/2012', '2012-03-15'],
    ['5/3/2012', '2012-03-05'],
    ['2012-03-15', '2012-03-15'],
    [40983, '2012-03-15'],
    [new Date(Date.UTC(2012, 2, 15)), '2012-03-15'],
    ['29/02/2012', '2012-02-29'],
  ])('%s → %s', (cell, iso) => {
    expect(value({ birthDate: cell }, 'birthDate')).toBe(iso);
  });

  it('refuses a day that does not exist', () => {
    expect(problem({ birthDate: '31/02/2012' }).vi).toBe(
      'Ngày sinh: không phải ngày có thật (ngày viết trước, tháng viết sau: dd/mm/yyyy)',
    );
    expect(problem({ birthDate: '29/02/2013' }).field).toBe('birthDate');
  });

  it('refuses serial 60 (29/02/1900, a day Excel counts that never was)', () => {
    expect(problem({ birthDate: 60 }).en).toContain('not an Excel date');
  });

  it('a child turns 16, and leaves the register, on the 16th birthday', () => {
    expect(value({ birthDate: '02/06/2010' }, 'birthDate')).toBe('2010-06-02');
    expect(problem({ birthDate: '01/06/2010' }).en).toContain('16 or older on the import date');
  });

  it('takes a child born on the import date, not one born after it', () => {
    expect(value({ birthDate: '01/06/2026' }, 'birthDate')).toBe('2026-06-01');
    expect(problem({ birthDate: '02/06/2026' }).en).toBe('Ngày sinh (birth date): is in the future');
  });

  it('refuses every row when the import date is not a date (a program error)', () => {
    expect(row({}, { ...context, today: '01/06/2026' }).problems.map((p) => p.reason.en)).toEqual([
      'Ngày sinh (birth date): the import date is invalid (a program error)',
    ]);
  });
});

describe('normaliseChildRow: sex, ethnicity, names', () => {
  it.each([
    ['Nam', 'male'],
    ['nam', 'male'],
    ['M', 'male'],
    ['Nữ', 'female'],
    ['nu', 'female'],
    ['F', 'female'],
  ])('sex %s → %s', (cell, sex) => {
    expect(value({ sex: cell }, 'sex')).toBe(sex);
  });

  it('refuses another sex value', () => {
    expect(problem({ sex: 'Trai' })).toMatchObject({ field: 'sex', vi: 'Giới tính: cần ghi Nam hoặc Nữ' });
  });

  it('keeps an ethnicity that is none of the 54 as written, with a warning', () => {
    const r = row({ ethnicity: '  Việt   Kiều ' });
    expect(r.draft).toMatchObject({ ethnicity: 'Việt Kiều', ethnicityListed: false });
    expect(warningsOf({ ethnicity: 'Việt Kiều' })).toEqual([
      'ethnicity: Dân tộc (ethnicity): is not one of the 54 ethnic groups; kept as written',
    ]);
  });

  it('matches a decomposed (NFD) ethnicity', () => {
    expect(value({ ethnicity: 'Ê Đê'.normalize('NFD') }, 'ethnicity')).toBe('Ê-đê');
  });

  it('refuses an absurdly long ethnicity', () => {
    expect(problem({ ethnicity: 'x'.repeat(51) }).field).toBe('ethnicity');
  });

  it('checks the parents and carer as names', () => {
    expect(value({ fatherName: 'LÊ VĂN BA' }, 'fatherName')).toBe('Lê Văn Ba');
    expect(problem({ carerName: 'Bà 2' })).toMatchObject({
      field: 'carerName',
      en: "Họ tên người chăm sóc (carer's name): contains digits",
    });
  });
});
