import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { isoDate } from './dates.ts';

/**
 * Lunar to solar dates with @dqcai/vn-lunar, which computes the Vietnamese calendar (UTC+7,
 * Hồ Ngọc Đức's tables): Tết 1985 is 21 Jan 1985 there, 20 Feb in the Chinese (UTC+8) calendar.
 * Checked in lunar.test.ts: Tết Ất Tỵ = 2025-01-29, Trung thu 2025 = 2025-10-06, 2024 = 2024-09-17.
 * The library accepts days a month does not have (30 of a 29-day month), so every result is
 * converted back and refused when it is not the same lunar date.
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 30) return null;
  try {
    const s = getSolarDate(day, month, year, leap);
    if (!s.year) return null;
    const back = getLunarDate(s.day, s.month, s.year);
    if (back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) return null;
    return isoDate(s.year, s.month, s.day);
  } catch {
    return null;
  }
}

const STEMS = ['canh', 'tan', 'nham', 'quy', 'giap', 'at', 'binh', 'dinh', 'mau', 'ky'];
const BRANCHES = ['than', 'dau', 'tuat', 'hoi', 'ty', 'suu', 'dan', 'mao', 'thin', 'ty', 'ngo', 'mui'];

/**
 * The year of a sexagenary name ("Ất Tỵ", folded "at ty") nearest to `near`. Folding makes Tý
 * (rat, index 4) and Tỵ (snake, 9) alike, so both are tried and the nearest year wins.
 */
const CAN_CHI = '\\b(canh|tan|nham|quy|giap|at|binh|dinh|mau|ky)\\s+(than|dau|tuat|hoi|ty|suu|dan|mao|meo|thin|ngo|mui)\\b';
/** "năm Ất Tỵ" (folded): a year named the lunar way, so the dates beside it are lunar. */
export const LUNAR_YEAR = new RegExp(`nam ${CAN_CHI}`);

export function canChiYear(folded: string, near: number): number | null {
  const m = new RegExp(CAN_CHI).exec(folded);
  if (!m) return null;
  const stem = STEMS.indexOf(m[1] ?? '');
  const branchName = m[2] === 'meo' ? 'mao' : (m[2] ?? '');
  let best: number | null = null;
  for (let y = near - 30; y <= near + 30; y++) {
    if (y % 10 !== stem) continue;
    const b = BRANCHES[y % 12];
    if (b !== branchName) continue;
    if (best === null || Math.abs(y - near) < Math.abs(best - near)) best = y;
  }
  return best;
}
