import { describe, expect, it } from 'vitest';
import type { CellRead } from './fields.ts';
import { readCommuneCode, readDisability, readGroups, readSchooling, readSex } from './values.ts';

const value = <T>(r: CellRead<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.reason.en}`);
  return r.value;
};
const reason = <T>(r: CellRead<T>): string => {
  if (r.ok) throw new Error('accepted');
  return r.reason.en;
};

describe('readSex', () => {
  it.each(['Nam', 'nam', 'NAM', 'M', 'm', 'Male'])('%s is male', (text) => {
    expect(value(readSex(text))).toBe('male');
  });
  it.each(['Nữ', 'nữ', 'NỮ', 'nu', 'Nu', 'F', 'f', 'Female', 'Nữ'.normalize('NFD')])('%s is female', (text) => {
    expect(value(readSex(text))).toBe('female');
  });
  it.each(['Trai', 'X', '1', 'Nam/Nữ'])('refuses %s', (text) => {
    expect(reason(readSex(text))).toContain('must be Nam');
  });
});

describe('readDisability', () => {
  it.each(['Có', 'có', 'co', 'CÓ', 'x', 'X', '1', 1, true, 'Yes'])('%s is yes', (cell) => {
    expect(value(readDisability(cell))).toBe(true);
  });
  it.each(['Không', 'không', 'khong', 'KHÔNG', '0', 0, false, 'No'])('%s is no', (cell) => {
    expect(value(readDisability(cell))).toBe(false);
  });
  it.each(['Có thể', '2', 2, '?'])('refuses %s', (cell) => {
    expect(reason(readDisability(cell))).toContain('Có (yes) or Không (no)');
  });
});

describe('readSchooling', () => {
  it.each([
    ['Chưa đi học', 'none'],
    ['chua di hoc', 'none'],
    ['Mầm non', 'preschool'],
    ['MẦM NON', 'preschool'],
    ['Tiểu học', 'primary'],
    ['THCS', 'lower_secondary'],
    ['thcs', 'lower_secondary'],
    ['Trung học cơ sở', 'lower_secondary'],
    ['THPT', 'upper_secondary'],
    ['Trung học phổ thông', 'upper_secondary'],
    ['Bỏ học', 'dropped_out'],
    ['bo hoc', 'dropped_out'],
    ['dropped_out', 'dropped_out'],
  ])('%s → %s', (text, schooling) => {
    expect(value(readSchooling(text))).toBe(schooling);
  });
  it.each(['Đại học', 'Lớp 5', 'Có'])('refuses %s', (text) => {
    expect(reason(readSchooling(text))).toContain('one of');
  });
});

describe('readGroups', () => {
  it('never quotes a word that could be a name (a column mapped here by mistake)', () => {
    const read = readGroups('Nguyễn Thị Hoa');
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason.vi).not.toMatch(/Nguyễn|Hoa/);
      expect(read.reason.vi).toMatch(/^ô này /);
      expect(read.reason.en).not.toMatch(/Nguyễn|Hoa/);
    }
  });

  it.each([
    ['a', ['a']],
    ['a;d', ['a', 'd']],
    ['d, a', ['a', 'd']],
    ['a; d ;  k', ['a', 'd', 'k']],
    ['k a', ['a', 'k']],
    ['A;D', ['a', 'd']],
    ['đ', ['đ']],
    ['Đ', ['đ']],
    ['dd', ['đ']],
    ['d;đ', ['d', 'đ']],
    ['a), d)', ['a', 'd']],
    ['a. d.', ['a', 'd']],
    ['a;a;A', ['a']],
    ['o;n;m;l;k;i;h;g;e;đ;d;c;b;a', ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o']],
    [';', []],
  ])('%s → %j', (text, groups) => {
    expect(value(readGroups(text))).toEqual(groups);
  });

  it.each([
    ['f', '"f"'],
    ['a;j', '"j"'],
    ['a;p;q', '"p", "q"'],
    ['1', '"1"'],
    ['ab', '"ab"'],
  ])('refuses %s naming the bad letter', (text, named) => {
    expect(reason(readGroups(text))).toContain(`${named} is not a group`);
  });

  it('keeps a long list of bad letters short', () => {
    const r = reason(readGroups('p q r s t u v w'));
    expect(r).toContain('"p", "q", "r", "s", "t", …');
    expect(r).not.toContain('"u"');
  });
});

describe('readCommuneCode', () => {
  it('takes 5 digits as they are', () => {
    expect(readCommuneCode('17827')).toEqual({ ok: true, value: '17827' });
    expect(readCommuneCode(' 00004 ')).toEqual({ ok: true, value: '00004' });
    expect(readCommuneCode(17827)).toEqual({ ok: true, value: '17827' });
  });

  it.each([
    [4, '00004'],
    ['4', '00004'],
    [7102, '07102'],
    ['715', '00715'],
  ])('pads %s (Excel dropped the zeros) to %s, with a warning', (cell, code) => {
    const r = readCommuneCode(cell);
    expect(r).toMatchObject({ ok: true, value: code });
    expect(r.ok && r.warning?.en).toContain('Excel drops leading zeros');
  });

  it.each(['178270', 'A1782', '17.827', '', 4.5, -4])('refuses %s', (cell) => {
    expect(reason(readCommuneCode(cell))).toBe('needs 5 digits');
  });
});
