/** Calendar helpers for dates written the Vietnamese way ("15/5/2024", "ngày 10 tháng 6"). */

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' when the date exists, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** 'MM-DD' for a yearly date (29/02 allowed), else null. */
export function monthDay(m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(2024, m)) return null;
  return `${pad(m)}-${pad(d)}`;
}

export interface FoundDate {
  index: number;
  end: number;
  day: number;
  month: number;
  year: number | null;
}

const NUMERIC = /(?:ngay\s*)?(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])/g;
const WORDS = /(?:ngay\s*)?(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*)?nam\s+(\d{4}))?(?!\d)/g;

/** Dates in folded text, in order; "tuần 4 tháng 5" is not a date (see timeline.ts). */
export function findDates(f: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const re of [NUMERIC, WORDS]) {
    for (const m of f.matchAll(re)) {
      const day = Number(m[1]);
      const month = Number(m[2]);
      if (day < 1 || day > 31 || month < 1 || month > 12) continue;
      if (re === WORDS && /tuan\s*$/.test(f.slice(Math.max(0, m.index - 6), m.index))) continue;
      const year = m[3] ? Number(m[3]) : null;
      out.push({ index: m.index, end: m.index + m[0].length, day, month, year });
    }
  }
  return out.sort((a, b) => a.index - b.index).filter((d, i, all) => i === 0 || d.index >= (all[i - 1]?.end ?? 0));
}
