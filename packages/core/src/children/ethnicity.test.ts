import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, ethnicityKey, officialEthnicity } from './ethnicity.ts';

describe('the 54 ethnic groups', () => {
  it('are 54, and no two spellings of different groups share a key', () => {
    expect(ETHNIC_GROUPS).toHaveLength(54);
    const owner = new Map<string, string>();
    for (const g of ETHNIC_GROUPS) {
      for (const spelling of [g.name, ...g.aliases]) {
        const key = ethnicityKey(spelling);
        expect(key, spelling).not.toBe('');
        expect(owner.get(key) ?? g.name, `${spelling} is also ${owner.get(key) ?? ''}`).toBe(g.name);
        owner.set(key, g.name);
      }
    }
  });

  it('each name is its own official spelling', () => {
    for (const g of ETHNIC_GROUPS) expect(officialEthnicity(g.name)).toBe(g.name);
  });
});

describe('officialEthnicity', () => {
  it.each([
    ['Kinh', 'Kinh'],
    ['KINH', 'Kinh'],
    ['kinh (Việt)', 'Kinh'],
    ['Dân tộc Kinh', 'Kinh'],
    ['Người Thái', 'Thái'],
    ['thai', 'Thái'],
    ['Mường', 'Mường'],
    ["H'Mông", "H'Mông"],
    ['Mông', "H'Mông"],
    ['HMông', "H'Mông"],
    ['Hmong', "H'Mông"],
    ['Ê Đê', 'Ê-đê'],
    ['Ê-đê', 'Ê-đê'],
    ['Êđê', 'Ê-đê'],
    ['ede', 'Ê-đê'],
    ['Ba Na', 'Ba-na'],
    ['Bahnar', 'Ba-na'],
    ['Jrai', 'Gia-rai'],
    ['Khmer', 'Khơ-me'],
    ["K'Ho", 'Cơ-ho'],
    ["M'Nông", 'Mnông'],
    ['Gié Triêng', 'Giẻ-Triêng'],
    ['Bru - Vân Kiều', 'Bru-Vân Kiều'],
    ['Ơ Đu', 'Ơ-đu'],
    ['Lô Lô', 'Lô Lô'],
    ['Chàm', 'Chăm'],
  ])('%s → %s', (text, name) => {
    expect(officialEthnicity(text)).toBe(name);
  });

  it.each(['Việt Kiều', 'Pháp', 'Kinh Thái', ''])('%s names none of the 54', (text) => {
    expect(officialEthnicity(text)).toBeUndefined();
  });
});
