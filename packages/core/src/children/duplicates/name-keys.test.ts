import { describe, expect, it } from 'vitest';
import { compareMiddles, compareTokens, editDistance, nameBlockKey, nameParts, nameTokens, phoneticKey } from './name-keys.ts';
import { isVietnameseSyllable } from './syllable.ts';

describe('nameTokens', () => {
  it('folds diacritics, đ and case; splits on spaces and abbreviation dots', () => {
    expect(nameTokens('  NGUYỄN  T.Hồng Nhung ')).toEqual(['nguyen', 't', 'hong', 'nhung']);
    expect(nameTokens('Đặng Thị Ánh')).toEqual(['dang', 'thi', 'anh']);
    expect(nameTokens('Nguyễn Thị Hồng Nhung'.normalize('NFD'))).toEqual(['nguyen', 'thi', 'hong', 'nhung']);
  });

  it('drops apostrophes inside ethnic-minority names', () => {
    expect(nameTokens('H’Hen Niê')).toEqual(['hhen', 'nie']);
    expect(nameTokens("H'Hen Niê")).toEqual(['hhen', 'nie']);
  });

  it('gives roles by position: family first, given last', () => {
    expect(nameParts('Nguyễn Thị Hồng Nhung')).toEqual({ family: 'nguyen', middle: ['thi', 'hong'], given: 'nhung' });
    expect(nameParts('Nhung')).toEqual({ family: null, middle: [], given: 'nhung' });
  });
});

describe('phoneticKey', () => {
  it.each([
    ['dung', 'zung', 'giung'],
    ['trung', 'chung'],
    ['suong', 'xuong'],
    ['khanh', 'khanh'],
    ['cuong', 'kuong'],
    ['quynh', 'kuynh'],
    ['nghia', 'ngia'],
    ['vy', 'vi'],
    ['thuy', 'thui'],
    ['nhungg', 'nhung', 'nhhung'],
    ['phuong', 'fuong'],
    ['gin', 'din'],
  ])('%s sounds like %s', (first, ...others) => {
    for (const other of others) expect(phoneticKey(other)).toBe(phoneticKey(first));
  });

  it.each([
    ['minh', 'manh'],
    ['an', 'anh'],
    ['lan', 'hue'],
    ['khanh', 'canh'],
    ['thu', 'tu'],
    ['nhung', 'nhng'],
  ])('%s and %s stay apart', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts real names, folded', () => {
    const names = 'nguyen tran hoang huynh quynh khuyen giang nghia uyen yen oanh tuyet quoc thuy xoan lo quang sam luc';
    for (const name of names.split(' ')) expect(isVietnameseSyllable(name), name).toBe(true);
  });

  it('refuses slips', () => {
    for (const slip of ['nhng', 'nhungg', 'trnag', 'lna', 'ngien', 'cinh', 'unh'])
      expect(isVietnameseSyllable(slip), slip).toBe(false);
  });
});

describe('compareTokens', () => {
  it('tells sounds, slips and second names apart', () => {
    expect(compareTokens('nhung', 'nhung')).toBe('equal');
    expect(compareTokens('trung', 'chung')).toBe('sound');
    expect(compareTokens('nhung', 'nhng')).toBe('slip');
    expect(compareTokens('nhung', 'nhugn')).toBe('slip');
    expect(compareTokens('ly', 'l')).toBe('slip');
    expect(compareTokens('minh', 'manh')).toBe('near');
    expect(compareTokens('lan', 'hue')).toBe('different');
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('nhugn', 'nhung')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('compareMiddles', () => {
  it.each([
    [['thi', 'hong'], ['thi', 'hong'], 'equal'],
    [['t', 'hong'], ['thi', 'hong'], 'abbreviated'],
    [[], ['thi'], 'missing'],
    [['hong'], ['thi', 'hong'], 'subset'],
    [['van'], ['thi'], 'different'],
    [['xuan'], ['suan'], 'sound'],
  ] as const)('%j and %j: %s', (a, b, level) => {
    expect(compareMiddles(a, b)).toBe(level);
    expect(compareMiddles(b, a)).toBe(level);
  });
});

describe('nameBlockKey', () => {
  it('is shared by the usual ways of writing one child’s name', () => {
    const key = nameBlockKey('Nguyễn Thị Hồng Nhung');
    for (const name of ['Nguyen Thi Hong Nhung', 'NGUYỄN T. HỒNG NHUNG', 'Nguyễn Nhung', 'nguyen hong nhungg']) {
      expect(nameBlockKey(name), name).toBe(key);
    }
    expect(nameBlockKey('Vũ Văn Dũng')).toBe(nameBlockKey('Võ Văn Zũng'));
    expect(nameBlockKey('Nguyễn Văn Minh')).not.toBe(nameBlockKey('Nguyễn Văn Mạnh'));
  });
});
