import type { TargetChange, TargetReference } from '../plan-format.ts';
import { parseVnNumber } from './numbers.ts';

/**
 * Relative targets in one clause (folded text): a change the measure must make, not a level it must
 * reach (issue 13). A value is relative when
 * - it is a percentage ("4-5%", "từ 4 đến 5%", "10%") or a small fraction ("1/3"),
 * - a verb "giảm" or "tăng" comes before it in the clause with no other percentage between, and no
 *   word of a level ("xuống", "còn", "dưới", "đạt", "lên", "là" …) right before it: "giảm xuống 10%"
 *   is a level, "giảm 10%" may be a change,
 * - and the clause says what the change is measured against: "so với năm 2020", "so với cùng kỳ
 *   năm 2024" (that year's value), "so với năm trước", "so với cùng kỳ", "mỗi năm", "hằng năm",
 *   "hàng năm", "từng năm", "bình quân năm" (the year before each year judged).
 * A range gives its lower end as the value and its upper end as `valueTo`; "1/3" is 100/3 %.
 *
 * The phrases "so với năm 2020" are returned as spans to mask: their year is never a target year.
 */

export interface RelativeValue {
  start: number;
  end: number;
  value: number;
  valueTo: number | null;
  change: TargetChange;
  reference: TargetReference;
  /** where the governing verb ("giảm", "tăng") starts in the clause */
  verbAt: number;
}

const VALUE =
  /(?<![\d.,/])(?:tu\s+)?(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|den)\s*(\d+(?:[.,]\d+)?))?\s*%|(?<![\d.,/])([1-9])\s*\/\s*([2-9])(?![\d/.,])/g;
/** "tăng cường", "tăng trưởng" are not a change of the measure */
const VERB = /(?:^|[^a-z])(giam|tang)(?![a-z])(?!\s+(?:cuong|truong))/g;
const LEVEL_WORD_BEFORE = /(?:^|\s)(?:xuong|con|duoi|dat|len|tren|khong qua|toi da|la|bang|o muc|muc)\s*(?:tu\s*)?$/;
const REF_YEAR = /so voi\s+(?:cung ky\s+)?(?:cuoi\s+)?nam\s+((?:19|20|21)\d{2})(?!\d)/g;
const REF_PREVIOUS = /so voi\s+(?:cung ky(?:\s+nam\s+truoc)?|(?:nam|ky)\s+truoc)/g;
const YEARLY = /(?:^|[^a-z])(?:moi nam|hang nam|tung nam|binh quan(?: hang)? nam)(?![a-z])|%\s*\/\s*nam(?![a-z])/;

interface Reference {
  at: number;
  end: number;
  reference: TargetReference;
}

function references(f: string): Reference[] {
  const out: Reference[] = [];
  for (const m of f.matchAll(REF_YEAR)) out.push({ at: m.index, end: m.index + m[0].length, reference: Number(m[1]) });
  for (const m of f.matchAll(REF_PREVIOUS)) out.push({ at: m.index, end: m.index + m[0].length, reference: 'previous-year' });
  return out.sort((a, b) => a.at - b.at);
}

/** The reference of a value at `at`: the nearest "so với …" after it, else before it, else "mỗi năm" anywhere. */
function referenceOf(f: string, refs: Reference[], at: number): TargetReference | null {
  const after = refs.find((r) => r.at >= at);
  const before = [...refs].reverse().find((r) => r.end <= at);
  const ref = after ?? before;
  if (ref) return ref.reference;
  return YEARLY.test(f) ? 'previous-year' : null;
}

export function readRelativeValues(f: string): { values: RelativeValue[]; mask: [number, number][] } {
  const refs = references(f);
  const mask: [number, number][] = refs.filter((r) => typeof r.reference === 'number').map((r) => [r.at, r.end]);
  const values: RelativeValue[] = [];
  for (const m of f.matchAll(VALUE)) {
    const from = Math.max(0, m.index - 80);
    const before = f.slice(from, m.index);
    const verb = [...before.matchAll(VERB)].at(-1);
    if (!verb) continue;
    const verbAt = from + verb.index + verb[0].indexOf(verb[1] ?? '');
    const between = f.slice(verbAt, m.index);
    if (between.includes('%') || LEVEL_WORD_BEFORE.test(between)) continue;
    const reference = referenceOf(f, refs, m.index);
    if (reference === null) continue;
    const fraction = m[3] !== undefined && m[4] !== undefined ? (Number(m[3]) * 100) / Number(m[4]) : null;
    const value = fraction ?? parseVnNumber(m[1] ?? '');
    const to = m[2] !== undefined ? parseVnNumber(m[2]) : null;
    if (value === null || (to !== null && to < value)) continue;
    values.push({
      start: m.index,
      end: m.index + m[0].length,
      value,
      valueTo: to,
      change: verb[1] === 'giam' ? 'decrease' : 'increase',
      reference,
      verbAt,
    });
    mask.push([m.index, m.index + m[0].length]);
  }
  return { values, mask };
}
