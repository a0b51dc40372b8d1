import { foldText } from '../text/fold.ts';

/**
 * A name as the register searches and matches it: no diacritics (đ → d), lower case, words of
 * letters and digits only, single spaces. `Nguyễn T. Hồng  NHUNG` → `nguyen t hong nhung`.
 * Exact matching of an import row with a record, and search, compare these keys.
 */
export function childNameKey(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
