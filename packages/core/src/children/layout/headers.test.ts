import { describe, expect, it } from 'vitest';
import { CHILD_FIELDS } from '../child.ts';
import { parseColumnMap } from './column-map.ts';
import { columnLetter, FIELD_HEADERS } from './fields.ts';
import { fieldForHeader, headerKey, matchHeaders, rowCells } from './headers.ts';

const SPEC_HEADERS = CHILD_FIELDS.map((f) => FIELD_HEADERS[f]);

describe('fieldForHeader', () => {
  it('knows every spec header and every field key', () => {
    for (const field of CHILD_FIELDS) {
      expect(fieldForHeader(FIELD_HEADERS[field])).toBe(field);
      expect(fieldForHeader(field)).toBe(field);
    }
  });

  it.each([
    ['HỌ VÀ TÊN', 'fullName'],
    ['  họ và tên  ', 'fullName'],
    ['Ho va ten', 'fullName'],
    ['Họ tên', 'fullName'],
    ['Ngày tháng năm sinh', 'birthDate'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Ngày sinh (dd/mm/yyyy)', 'birthDate'],
    ['Giới', 'sex'],
    ['Số CCCD', 'personalId'],
    ['Số định danh', 'personalId'],
    ['CCCD/ĐDCN', 'personalId'],
    ['cccd/ddcn', 'personalId'],
    ['Mã xã/phường', 'communeCode'],
    ['Mã xã (5 số)', 'communeCode'],
    ['Họ tên bố', 'fatherName'],
    ['SĐT', 'phone'],
    ['Nhóm HCĐB', 'groups'],
    ['full_name', 'fullName'],
    ['Date of birth', 'birthDate'],
    ['\uFEFFHọ và tên', 'fullName'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['Ghi chú', 'STT', 'Tên', 'Năm sinh', ''])('%s is no field', (header) => {
    expect(fieldForHeader(header)).toBeUndefined();
  });

  it('folds like the spec says: case, diacritics, surrounding spaces', () => {
    expect(headerKey(' NGÀY SINH ')).toBe(headerKey('ngay sinh'));
  });
});

describe('matchHeaders', () => {
  it('finds the spec layout in any order', () => {
    const headers = [...SPEC_HEADERS].reverse();
    const m = matchHeaders(headers);
    expect(m.problems).toEqual([]);
    expect(m.warnings).toEqual([]);
    expect(m.columns.fullName).toBe(headers.length - 1);
    expect(m.columns.schooling).toBe(0);
  });

  it('ignores and reports unknown columns; ignores empty headers silently', () => {
    const m = matchHeaders(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã xã', 'Ghi chú', '', null]);
    expect(m.problems).toEqual([]);
    expect(m.unknown).toEqual([
      { index: 0, header: 'STT' },
      { index: 5, header: 'Ghi chú' },
    ]);
    expect(m.warnings.map((w) => w.reason.vi)).toEqual([
      'cột A ("STT") không thuộc mẫu nhập, được bỏ qua',
      'cột F ("Ghi chú") không thuộc mẫu nhập, được bỏ qua',
    ]);
  });

  it('names each missing required field', () => {
    const m = matchHeaders(['Họ và tên', 'Dân tộc']);
    expect(m.problems.map((p) => p.field)).toEqual(['birthDate', 'sex', 'communeCode']);
    expect(m.problems[0]?.reason.vi).toBe('thiếu cột bắt buộc "Ngày sinh"; thêm cột hoặc ánh xạ một cột của tệp vào trường này');
  });

  it('refuses two columns for one field', () => {
    const m = matchHeaders(['Họ và tên', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Mã xã']);
    expect(m.problems).toEqual([
      {
        field: 'fullName',
        reason: {
          vi: 'cột A và cột B cùng là "Họ và tên"; bỏ bớt một cột hoặc ánh xạ lại',
          en: 'columns A and B are both "Họ và tên" (full name); remove one or map them',
        },
      },
    ]);
  });

  it("lets the user's mapping name the columns, by header, field key or spec header", () => {
    const m = matchHeaders(['Tên trẻ', 'DOB trẻ', 'Phái', 'Xã', 'Họ và tên'], {
      'Tên trẻ': 'fullName',
      'dob tre': 'Ngày sinh',
      Phái: 'giới tính',
      Xã: 'communeCode',
      'Họ và tên': 'motherName',
    });
    expect(m.problems).toEqual([]);
    expect(m.columns).toEqual({ fullName: 0, birthDate: 1, sex: 2, communeCode: 3, motherName: 4 });
  });

  it('maps by column number and ignores a column mapped to "-"', () => {
    const m = matchHeaders(['Họ tên', 'Ngày sinh', 'Giới tính', 'Mã xã', 'Họ tên'], { '#5': 'motherName', 'Ghi chú': '-' });
    expect(m.columns).toMatchObject({ fullName: 0, motherName: 4 });
    expect(m.problems).toEqual([]);
    expect(m.warnings.map((w) => w.reason.en)).toEqual(['column mapping: the file has no column "Ghi chú"']);
    const skipped = matchHeaders(['Họ tên', 'Ngày sinh', 'Giới tính', 'Mã xã', 'Ghi chú'], { 'Ghi chú': 'bỏ qua' });
    expect(skipped.unknown).toEqual([]);
    expect(skipped.warnings).toEqual([]);
  });

  it('refuses a mapping to no field', () => {
    const m = matchHeaders(['Họ tên', 'Ngày sinh', 'Giới tính', 'Mã xã'], { 'Họ tên': 'tên đệm' });
    expect(m.problems.map((p) => p.reason.en)).toEqual(['column mapping "Họ tên": "tên đệm" is no field of the import layout']);
  });

  it('quotes headers without control characters, cut to 40 characters', () => {
    const m = matchHeaders([`X\u0000${'y'.repeat(60)}`, 'Họ tên', 'Ngày sinh', 'Giới tính', 'Mã xã']);
    expect(m.warnings[0]?.reason.vi).toBe(`cột A ("X${'y'.repeat(39)}…") không thuộc mẫu nhập, được bỏ qua`);
  });
});

describe('rowCells', () => {
  it('picks each field from its column', () => {
    const { columns } = matchHeaders(['STT', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Mã xã']);
    expect(rowCells([1, 'An', 40983, 'Nam'], columns)).toEqual({
      fullName: 'An',
      birthDate: 40983,
      sex: 'Nam',
      communeCode: undefined,
    });
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('parseColumnMap', () => {
  it('reads pairs', () => {
    expect(parseColumnMap('Header A=fullName,Header B=birthDate')).toEqual({
      ok: true,
      map: { 'Header A': 'fullName', 'Header B': 'birthDate' },
    });
  });

  it('reads pairs whose headers hold commas, and ; or line breaks between pairs', () => {
    expect(parseColumnMap('Ngày, tháng, năm sinh = birthDate; Tên=fullName\nXã=-')).toEqual({
      ok: true,
      map: { 'Ngày, tháng, năm sinh': 'birthDate', Tên: 'fullName', Xã: '-' },
    });
  });

  it('reads a JSON object', () => {
    expect(parseColumnMap('{"Tên trẻ": "fullName", "DOB": "Ngày sinh"}')).toEqual({
      ok: true,
      map: { 'Tên trẻ': 'fullName', DOB: 'Ngày sinh' },
    });
  });

  it('keeps a header named __proto__ as a header', () => {
    const r = parseColumnMap('{"__proto__": "fullName"}');
    expect(r.ok && Object.keys(r.map)).toEqual(['__proto__']);
  });

  it.each([
    ['no pair at all', 'fullName'],
    ['a missing separator', 'A=fullName B=birthDate=sex'],
    ['an empty header', '=fullName'],
    ['a JSON array', '["fullName"]'],
    ['a JSON number value', '{"A": 1}'],
  ])('refuses %s', (_what, text) => {
    const r = parseColumnMap(text);
    expect(r.ok ? '' : r.reason.en).toContain('needs the form');
  });

  it('refuses broken JSON', () => {
    const r = parseColumnMap('{"A": "fullName"');
    expect(r.ok ? '' : r.reason.en).toBe('the column mapping is not valid JSON');
  });
});
