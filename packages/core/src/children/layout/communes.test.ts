import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommunes } from '../../units/admin-units.ts';
import { communeResolver, readCommune } from './communes.ts';

const DATA = new URL('../../../../server/data/admin-units/', import.meta.url);
const resolve = communeResolver(parseCommunes(fs.readFileSync(new URL('communes.csv', DATA), 'utf8')));

describe('communeResolver over communes.csv', () => {
  it('knows a current code', () => {
    expect(resolve('00004')).toEqual({ code: '00004', name: 'Phường Ba Đình' });
    expect(resolve('16702')).toEqual({ code: '16702', name: 'Phường Vinh Phú' });
  });

  it('maps a pre-2025 code that went into exactly one new commune', () => {
    expect(resolve('00013')).toEqual({
      code: '00004',
      name: 'Phường Ba Đình',
      mappedFrom: { code: '00013', name: 'Phường Quán Thánh' },
    });
    expect(resolve('17914')).toMatchObject({ code: '16702', mappedFrom: { name: 'Xã Nghi Ân' } });
  });

  it('gives the candidates of a pre-2025 code split among several', () => {
    expect(resolve('17647')).toEqual({
      candidates: [
        { code: '17357', name: 'Xã Vĩnh Tường' },
        { code: '17677', name: 'Xã Văn Hiến' },
      ],
      former: { code: '17647', name: 'Xã Hòa Sơn' },
    });
  });

  it('flags a current code that was, before 2025, a commune now split elsewhere', () => {
    expect(resolve('00025')).toMatchObject({
      code: '00025',
      name: 'Phường Giảng Võ',
      formerly: {
        unit: { code: '00025', name: 'Phường Ngọc Khánh' },
        into: [
          { code: '00008', name: 'Phường Ngọc Hà' },
          { code: '00025', name: 'Phường Giảng Võ' },
          { code: '00199', name: 'Phường Láng' },
        ],
      },
    });
  });

  it('knows no unknown code and no district code of a đặc khu', () => {
    expect(resolve('99999')).toBeUndefined();
    expect(resolve('318')).toBeUndefined();
    expect(resolve('00318')).toBeUndefined();
  });
});

describe('readCommune', () => {
  it('takes a current code without a word', () => {
    expect(readCommune('00004', resolve)).toEqual({ ok: true, value: '00004' });
  });

  it('maps an old code with a warning naming both communes', () => {
    const r = readCommune('00013', resolve);
    expect(r).toMatchObject({ ok: true, value: '00004' });
    expect(r.ok && r.warning?.vi).toBe('mã xã cũ 00013 (Phường Quán Thánh) được đổi thành 00004 (Phường Ba Đình)');
  });

  it('refuses a split old code, naming the candidates', () => {
    const r = readCommune('17647', resolve);
    expect(r.ok ? '' : r.reason.vi).toBe(
      '17647 là mã xã cũ (Xã Hòa Sơn), nay chia cho nhiều xã: 17357 Xã Vĩnh Tường; 17677 Xã Văn Hiến; hãy ghi mã xã mới',
    );
  });

  it('refuses an unknown code', () => {
    const r = readCommune('99999', resolve);
    expect(r.ok ? '' : r.reason.en).toContain('99999 is not in the list of communes');
  });

  it('warns on a current code that a pre-2025 file may mean otherwise', () => {
    const r = readCommune('00025', resolve);
    expect(r).toMatchObject({ ok: true, value: '00025' });
    expect(r.ok && r.warning?.en).toContain("it was Phường Ngọc Khánh's, now part of: 00008 Phường Ngọc Hà; 00025");
  });

  it('works with a resolver that knows codes only', () => {
    expect(readCommune('12345', (code) => (code === '12345' ? { code } : undefined))).toEqual({ ok: true, value: '12345' });
    expect(readCommune('11111', () => ({ code: '22222' }))).toEqual({ ok: true, value: '22222' });
  });
});
