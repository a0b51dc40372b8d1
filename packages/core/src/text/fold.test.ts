import { describe, expect, it } from 'vitest';
import { fold, foldText, stripDiacritics } from './fold.ts';

/** The one folding of Vietnamese text: for the parser (index-preserving), for words and keys, for ASCII file names. */
describe('fold', () => {
  const text = 'Sở Giáo dục và Đào tạo: HOÁ học, hóa chất';

  it('removes diacritics and case, one unit for one unit', () => {
    expect(fold(text)).toBe('so giao duc va dao tao: hoa hoc, hoa chat');
    expect(fold(text)).toHaveLength(text.length);
    expect(fold('ĐĂNG KÝ KHAI SINH')).toBe('dang ky khai sinh');
  });

  it('folds decomposed (NFD) text the same way for words and keys', () => {
    expect(foldText(text.normalize('NFD'))).toBe(fold(text));
    expect(foldText('Trẻ sơ sinh dưới 1 tuổi')).toBe('tre so sinh duoi 1 tuoi');
  });

  it('keeps case for ASCII file names', () => {
    expect(stripDiacritics('Báo cáo Đà Nẵng 2025.xlsx')).toBe('Bao cao Da Nang 2025.xlsx');
    expect(stripDiacritics('Kế hoạch'.normalize('NFD'))).toBe('Ke hoach');
  });
});
