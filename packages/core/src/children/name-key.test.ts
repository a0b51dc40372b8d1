import { describe, expect, it } from 'vitest';
import { childNameKey } from './name-key.ts';

describe('childNameKey', () => {
  it('folds diacritics and đ, case, punctuation and spaces', () => {
    expect(childNameKey('Nguyễn T. Hồng  NHUNG')).toBe('nguyen t hong nhung');
    expect(childNameKey('ĐẶNG Thị Ánh')).toBe('dang thi anh');
    expect(childNameKey("H'Hen Niê")).toBe('h hen nie');
  });

  it('gives the same key to a name typed precomposed or decomposed', () => {
    expect(childNameKey('Lò Thị Xoan'.normalize('NFD'))).toBe(childNameKey('Lò Thị Xoan'));
  });
});
