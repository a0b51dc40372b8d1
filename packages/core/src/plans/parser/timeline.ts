import type { Timeline } from '../plan-format.ts';
import { findDates, isoDate, lastDay, pad } from './dates.ts';
import { clip, fold, squash } from '../../text/fold.ts';
import { LUNAR_YEAR, canChiYear, lunarToSolar } from './lunar.ts';
import { isRoman } from './outline.ts';

/**
 * A task's "Thời gian thực hiện" as {kind, start, end}. Decisions:
 * - "Thường xuyên (trong năm)", "Hằng năm/tháng/quý", "Định kỳ" → recurring, no dates;
 * - "theo chỉ đạo …", "khi có yêu cầu", "theo thời điểm xảy ra" → event-driven;
 * - "từ ngày A đến ngày B", "từ tháng 6 đến tháng 9/2025", "2021-2025" → range;
 * - a date, "trước ngày 30/6/2025" (start null), "tuần 4 tháng 5 năm 2025" (week n = days
 *   7n-6 … 7n, the fifth week to the month's end), "tháng 6/2025", "Quý II/2025", "6 tháng đầu
 *   năm 2025", "năm 2025" → once, with the first and last day the text allows;
 * - a lunar date ("15/8 âm lịch năm 2025", "Tết Trung thu") is converted to solar (lunar.ts)
 *   unless the text also gives the solar dates; the lunar words are kept in `lunar`.
 * Recurring and event-driven words win over dates ("Hằng năm, trước ngày 15/12" recurs).
 * A missing year is the plan's year when the plan covers one year (`year`), else left open.
 */
export function parseTimeline(text: string | null, year: number | null): { timeline: Timeline; understood: boolean } {
  if (!text || !squash(text)) return { timeline: { kind: 'unspecified', text: null, start: null, end: null }, understood: true };
  const t = clip(squash(text).replace(/[.;]+$/, ''), 1000);
  const f = fold(t);
  const base = { text: t, start: null, end: null };

  if (/am lich|trung thu|nguyen dan/.test(f) || LUNAR_YEAR.test(f)) {
    const lunar = lunarTimeline(t, f, year);
    if (lunar) return { timeline: lunar, understood: true };
  }
  if (
    /^(?:thuong xuyen|hang (?:nam|thang|quy|tuan|ngay)|dinh ky|lien tuc|ca nam|suot|trong nam|moi nam|moi thang)|thuong xuyen/.test(
      f,
    )
  )
    return { timeline: { ...base, kind: 'recurring' }, understood: true };
  if (
    /theo chi dao|yeu cau|khi co|theo thoi diem|khi phat sinh|khi xay ra|xay ra|theo ke hoach cua|theo huong dan cua|ngay sau khi|sau khi|khi duoc/.test(
      f,
    )
  )
    return { timeline: { ...base, kind: 'event-driven' }, understood: true };
  const solar = solarTimeline(f, year);
  if (solar) return { timeline: { ...base, ...solar }, understood: true };
  return { timeline: { ...base, kind: 'unspecified' }, understood: false };
}

type Dates = Pick<Timeline, 'kind' | 'start' | 'end'>;

const QUARTER = /quy\s+([ivx]{1,4}|[1-4])(?:\s*[/-]\s*|\s+(?:nam\s+)?)?((?:19|20|21)\d{2})?/;

function quarterNo(s: string): number | null {
  const n = /^\d$/.test(s) ? Number(s) : isRoman(s.toUpperCase()) ? ['I', 'II', 'III', 'IV'].indexOf(s.toUpperCase()) + 1 : 0;
  return n >= 1 && n <= 4 ? n : null;
}

function monthSpan(y: number, m: number): Dates | null {
  const start = isoDate(y, m, 1);
  return start ? { kind: 'once', start, end: isoDate(y, m, lastDay(y, m)) } : null;
}

function solarTimeline(f: string, ctxYear: number | null): Dates | null {
  const dates = findDates(f);
  const yearOf = (y: number | null, fallback?: number | null) => y ?? fallback ?? ctxYear;
  // Ranges of dates: "từ ngày 03/10/2025 đến ngày 06/10/2025", "03/10 - 06/10/2025".
  const [a, b] = dates;
  if (
    a &&
    b &&
    /(?:tu|^)\s*(?:ngay\s*)?$/.test(f.slice(0, a.index)) &&
    /^\s*(?:den|toi|-|–)\s*(?:het\s*)?(?:ngay\s*)?$/.test(f.slice(a.end, b.index))
  ) {
    const yb = yearOf(b.year);
    const ya = yearOf(a.year, yb);
    const start = ya ? isoDate(ya, a.month, a.day) : null;
    const end = yb ? isoDate(yb, b.month, b.day) : null;
    if (start || end) return { kind: 'range', start, end };
  }
  if (a) {
    const y = yearOf(a.year);
    const iso = y ? isoDate(y, a.month, a.day) : null;
    if (iso)
      return /(?:truoc|cham nhat|han chot|khong qua|trong thoi han)\s*(?:ngay\s*)?$/.test(f.slice(0, a.index))
        ? { kind: 'once', start: null, end: iso }
        : { kind: 'once', start: iso, end: iso };
  }
  // "từ tháng 6 đến tháng 9/2025", "tháng 5-6/2025"
  const mr =
    /(?:tu\s+)?thang\s+(\d{1,2})(?:\s*[/-]\s*((?:19|20|21)\d{2}))?\s*(?:den|toi|-|–)\s*(?:thang\s+)?(\d{1,2})(?:\s*[/-]\s*|\s+nam\s+)((?:19|20|21)\d{2})/.exec(
      f,
    );
  if (mr) {
    const y2 = Number(mr[4]);
    const y1 = mr[2] ? Number(mr[2]) : y2;
    const s = monthSpan(y1, Number(mr[1]));
    const e = monthSpan(y2, Number(mr[3]));
    if (s && e) return { kind: 'range', start: s.start, end: e.end };
  }
  const yr = /(?:giai doan|tu nam|nam)?\s*((?:19|20|21)\d{2})\s*(?:-|–|den(?: nam)?)\s*((?:19|20|21)\d{2})/.exec(f);
  if (yr) return { kind: 'range', start: `${yr[1] ?? ''}-01-01`, end: `${yr[2] ?? ''}-12-31` };
  const wk = /tuan\s+(?:thu\s+)?(\d)\s*(?:cua\s+)?thang\s+(\d{1,2})(?:\s*[/-]\s*|\s+nam\s+)?((?:19|20|21)\d{2})?/.exec(f);
  if (wk) {
    const y = yearOf(wk[3] ? Number(wk[3]) : null);
    const w = Number(wk[1]);
    const m = Number(wk[2]);
    if (y && w >= 1 && w <= 5 && m >= 1 && m <= 12) {
      const first = (w - 1) * 7 + 1;
      const last = w === 5 ? lastDay(y, m) : Math.min(w * 7, lastDay(y, m));
      const start = isoDate(y, m, Math.min(first, lastDay(y, m)));
      if (start) return { kind: 'once', start, end: isoDate(y, m, last) };
    }
  }
  const q = QUARTER.exec(f);
  if (q) {
    const n = quarterNo(q[1] ?? '');
    const y = yearOf(q[2] ? Number(q[2]) : Number(/(?:19|20|21)\d{2}/.exec(f.slice(q.index))?.[0]) || null);
    if (n && y) return { kind: 'once', start: `${y}-${pad(n * 3 - 2)}-01`, end: isoDate(y, n * 3, lastDay(y, n * 3)) };
  }
  const half = /(6|sau) thang (dau|cuoi) nam\s*(?:nam\s+)?((?:19|20|21)\d{2})?/.exec(f);
  if (half) {
    const y = yearOf(half[3] ? Number(half[3]) : null);
    if (y)
      return half[2] === 'dau'
        ? { kind: 'once', start: `${y}-01-01`, end: `${y}-06-30` }
        : { kind: 'once', start: `${y}-07-01`, end: `${y}-12-31` };
  }
  const mo =
    /thang\s+(\d{1,2})(?:\s*[/-]\s*|\s+nam\s+)((?:19|20|21)\d{2})/.exec(f) ??
    (ctxYear ? /^(?:trong\s+)?thang\s+(\d{1,2})(?!\s*[/-]?\d)/.exec(f) : null);
  if (mo) {
    const span = monthSpan(mo[2] ? Number(mo[2]) : (ctxYear ?? 0), Number(mo[1]));
    if (span) return span;
  }
  const yo = /(?:^|\s)(?:trong\s+|cuoi\s+|dau\s+)?nam\s+((?:19|20|21)\d{2})|^((?:19|20|21)\d{2})$/.exec(f);
  if (yo) {
    const y = Number(yo[1] ?? yo[2]);
    if (/cuoi\s+nam\s*$/.test(f.slice(0, yo.index + 10).replace(/\d+$/, '')))
      return { kind: 'once', start: null, end: `${y}-12-31` };
    return { kind: 'once', start: `${y}-01-01`, end: `${y}-12-31` };
  }
  return null;
}

const FESTIVALS: [RegExp, number, number][] = [
  [/trung thu/, 15, 8],
  [/nguyen dan/, 1, 1],
];

const LUNAR_BRACKET = new RegExp(`\\(([^()]*(?:am lich|trung thu|${LUNAR_YEAR.source})[^()]*)\\)`);

function lunarTimeline(t: string, f: string, ctxYear: number | null): Timeline | null {
  // The lunar words: a bracket that says "âm lịch" (or names a lunar year), else the whole text.
  const bracket = LUNAR_BRACKET.exec(f);
  const lunarText = bracket ? t.slice(bracket.index + 1, bracket.index + bracket[0].length - 1) : t;
  const lf = fold(lunarText);
  const rest = bracket ? f.slice(0, bracket.index) + f.slice(bracket.index + bracket[0].length) : '';
  const solar = rest ? solarTimeline(rest, ctxYear) : null;
  if (solar && solar.start) return { ...solar, text: t, lunar: clip(squash(lunarText), 300) };
  const explicit = /(?:nam\s+|\/)((?:19|20|21)\d{2})/.exec(lf) ?? /(?:nam\s+|\/)((?:19|20|21)\d{2})/.exec(f);
  const near = explicit ? Number(explicit[1]) : ctxYear;
  const year = explicit ? Number(explicit[1]) : near !== null ? (canChiYear(lf, near) ?? near) : null;
  if (year === null) return null;
  const leap = /nhuan/.test(lf);
  const dates = findDates(lf.replace(/\/(?:19|20|21)\d{2}/g, ''));
  const festival = FESTIVALS.find(([re]) => re.test(lf));
  const [a, b] = dates;
  if (a && b) {
    const start = lunarToSolar(a.day, a.month, year, leap);
    const end = lunarToSolar(b.day, b.month, year, leap);
    if (start && end) return { kind: 'range', text: t, start, end, lunar: clip(squash(lunarText), 300) };
  }
  const [d, m] = a ? [a.day, a.month] : festival ? [festival[1], festival[2]] : [0, 0];
  const iso = d ? lunarToSolar(d, m, year, leap) : null;
  return iso ? { kind: 'once', text: t, start: iso, end: iso, lunar: clip(squash(lunarText), 300) } : null;
}
