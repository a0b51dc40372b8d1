import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AdminUnitFormatError, parseCommunes, parseProvinces } from './admin-units.ts';

const DATA = new URL('../../../server/data/admin-units/', import.meta.url);
const HEADER = 'province_code,province_name,commune_code,commune_name,commune_type,old_units';

describe('the official lists', () => {
  it('parse into 34 provinces, 63 pre-2025 provinces and 3,321 communes of the three types', () => {
    expect(parseProvinces(fs.readFileSync(new URL('provinces.csv', DATA), 'utf8'))).toHaveLength(34);
    expect(parseProvinces(fs.readFileSync(new URL('provinces-before-2025.csv', DATA), 'utf8'))).toHaveLength(63);
    const communes = parseCommunes(fs.readFileSync(new URL('communes.csv', DATA), 'utf8'));
    expect(communes).toHaveLength(3321);
    const types = communes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.type]: (acc[c.type] ?? 0) + 1 }), {});
    expect(types).toEqual({ Xã: 2621, Phường: 687, 'Đặc khu': 13 });
  });
});

describe('parseCommunes', () => {
  it('reads predecessors with their extent', () => {
    const [c] = parseCommunes(
      `${HEADER}\n40,Tỉnh Nghệ An,17827,Xã Nghi Lộc,Xã,17827:Thị trấn Quán Hành:full;17830:Xã Nghi Trung:partial\n`,
    );
    expect(c?.predecessors).toEqual([
      { code: '17827', name: 'Thị trấn Quán Hành', extent: 'full' },
      { code: '17830', name: 'Xã Nghi Trung', extent: 'partial' },
    ]);
  });

  it.each([
    ['a wrong header', 'code,name\n', 1, 'tiêu đề'],
    ['a short row', `${HEADER}\n40,Tỉnh Nghệ An,17827\n`, 2, 'cần 6 cột'],
    ['a bad commune code', `${HEADER}\n40,Tỉnh Nghệ An,178,Xã A,Xã,\n`, 2, 'mã xã "178"'],
    ['an unknown type', `${HEADER}\n40,Tỉnh Nghệ An,17827,Xã A,Huyện,\n`, 2, 'loại đơn vị "Huyện"'],
    ['a bad predecessor', `${HEADER}\n40,Tỉnh Nghệ An,17827,Xã A,Xã,1:X:whole\n`, 2, 'đơn vị cũ'],
  ])('rejects %s naming the line', (_what, text, line, message) => {
    try {
      parseCommunes(text);
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(AdminUnitFormatError);
      expect((e as AdminUnitFormatError).line).toBe(line);
      expect((e as Error).message).toContain(message);
    }
  });
});
