import type { IndicatorTarget, TargetOp, TargetUnit } from '../plan-format.ts';
import { clip, fold, squash } from '../../text/fold.ts';
import { MAX_MEASURE_VALUE } from '../../indicators/counts.ts';
import { parseVnNumber } from './numbers.ts';
import { readRelativeValues, type RelativeValue } from './relative-targets.ts';

/**
 * Targets of one indicator ("Chỉ tiêu N: …"). The text is cut into clauses at ";", ":" and ". ";
 * in each clause, values are numbers with a unit ("80%", "9,5‰", "250/100.000"), or after an
 * operator word ("dưới 9,5"), or followed by a year ("… 10 vào năm 2030"). A year phrase
 * ("vào năm 2025 và năm 2030") gives its years to every value since the last year phrase, so
 * "dưới 5% đối với nông thôn và dưới 10% đối với thành thị vào năm 2025 và năm 2030" is four
 * targets. A value with no year takes `defaultYear` (the section's "đến năm 2030", else the
 * plan's end year); without one it is reported. "… vào năm 2025 và duy trì đến năm 2030" repeats
 * the 2025 value for 2030 with '>='.
 *
 * Operators: "dưới" '<', "xuống"/"còn"/"không quá" '<=', "trên" '>', "đạt"/"duy trì"/
 * "phấn đấu" (also misspelt "phần đầu") '>='; "là" and anything else null. A value with no word
 * of its own after "và"/"," takes the operator of the value before it. Each target keeps that word
 * as printed (`opWord`, absent for a bare value) and its clause (`text`): mapping it to a measure
 * derives a missing comparison from them (core indicators/target-comparison.ts).
 *
 * Relative targets ("giảm 4-5% mỗi năm", "giảm 1/3 so với năm 2020"; relative-targets.ts) are read
 * first and take the same years as levels; they are `kind: 'relative'` with op '>=' (the change must
 * reach the value), never a level.
 */

export interface TargetResult {
  targets: IndicatorTarget[];
  /** values found without any year to give them */
  yearless: number;
  /** whether any number looked like a value at all */
  found: boolean;
}

interface Value {
  value: number;
  unit: TargetUnit | null;
  op: TargetOp | null;
  start: number;
  end: number;
  qualifier: string | null;
  /** the word that governs the value, as printed */
  word: string | null;
  rel?: RelativeValue;
}

const OPS: [RegExp, TargetOp | null][] = [
  [/(?:xuong|giam)\s+duoi\s*$/, '<'],
  [/(?:^|\s)duoi\s*$/, '<'],
  [/(?:xuong|giam)\s+con\s*$|(?:^|\s)(?:xuong|con|khong qua|khong vuot qua|toi da|khong vuot)\s*$/, '<='],
  [/(?:^|\s)(?:dat tren|tren|hon|vuot)\s*$/, '>'],
  [/(?:^|\s)(?:dat|duy tri|phan dau|phan dau dat|toi thieu|it nhat|tang len|len|dat toi thieu|dat it nhat)\s*$/, '>='],
  [/(?:^|\s)(?:la|bang|o muc)\s*$/, null],
];

const YEAR_GROUP =
  /(?:(?:vao|den|toi|trong|tu)\s+)?(?:cuoi\s+)?nam\s+((?:19|20|21)\d{2})((?:\s*(?:,|va|-|–)\s*(?:nam\s+)?(?:19|20|21)\d{2}(?!\d))*)/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const NOT_A_VALUE_AFTER =
  /^\s*(?:tuoi|thang|loai|lan|gio|ngay|tuan|nam(?!\s+(?:19|20|21)\d\d)|bac|cap|buoc|trieu|ty|nghin|dong|chi tieu|muc tieu)(?![a-z])/;
const UNIT_AFTER = /^\s?(?:(%)|(‰|phan nghin|\/\s?(?:1\.000|1000)(?!\d))|(\/\s?(?:100\.000|100000)(?!\d)))/;
/** "trên 1.000 trẻ đẻ sống": a denominator, not a value; it sets the unit of the clause. */
const DENOMINATOR =
  /(?:tren|\/)\s*(1\.000|1000|100\.000|100000)\s+(?:tre|nguoi|dan|ca)[a-z ]{0,20}?(?:de song|em|so sinh)?(?=\s|[,;.]|$)/g;

export function readTargets(text: string, defaultYear: number | null): TargetResult {
  const s = text.length > 5000 ? text.slice(0, 5000) : text;
  const f = fold(s);
  const targets: IndicatorTarget[] = [];
  let yearless = 0;
  let found = false;
  const bases = new Set<string>();
  const raw: { v: Value; year: number; base: string; clause: string }[] = [];
  for (const [cs, ce] of clauses(f)) {
    const cf = f.slice(cs, ce);
    const clause = clip(squash(s.slice(cs, ce)), 300);
    const printed = (from: number, to: number) => squash(s.slice(cs + from, cs + to)).trim() || null;
    const masked = cf.split('');
    let clauseUnit: TargetUnit | null = null;
    for (const m of cf.matchAll(DENOMINATOR)) {
      clauseUnit = (m[1] ?? '').replace('.', '').length > 4 ? 'per100000' : 'per1000';
      for (let i = m.index; i < m.index + m[0].length; i++) masked[i] = ' ';
    }
    const relative = readRelativeValues(masked.join(''));
    for (const [from, to] of relative.mask) for (let i = from; i < to; i++) masked[i] = ' ';
    const groups: { start: number; end: number; years: number[]; maintain: boolean }[] = [];
    // on the masked text: the year of "so với năm 2020" is a reference, not a target year
    for (const m of masked.join('').matchAll(YEAR_GROUP)) {
      if (/giai doan\s*$|tu\s*$/.test(cf.slice(Math.max(0, m.index - 12), m.index))) continue;
      const years = [m[1], ...(m[2] ?? '').matchAll(/\d{4}/g)].map((y) => Number(Array.isArray(y) ? y[0] : y));
      const maintain = /duy tri\s*$/.test(cf.slice(Math.max(0, m.index - 12), m.index));
      groups.push({ start: m.index, end: m.index + m[0].length, years, maintain });
      for (let i = m.index; i < m.index + m[0].length; i++) masked[i] = ' ';
    }
    const mf = masked.join('');
    const values: Value[] = [];
    for (const m of mf.matchAll(NUMBER)) {
      const start = m.index;
      const end = start + m[0].length;
      // Parts of dates, citations and per-units ("23/4", "23/QĐ", the "100.000" of "250/100.000").
      if (mf[start - 1] === '/' || (mf[end] === '/' && !UNIT_AFTER.test(mf.slice(end, end + 12)))) continue;
      const after = mf.slice(end, end + 40);
      if (NOT_A_VALUE_AFTER.test(after)) continue;
      const unitM = UNIT_AFTER.exec(after);
      // "Phấn đấu đến năm 2030: 100% …": the year (masked) and a colon stand between word and value
      const before = mf.slice(Math.max(0, start - 30), start).replace(/[\s:]+$/, ' ');
      const opHit = OPS.find(([re]) => re.test(before));
      const opMatch = opHit?.[0].exec(before);
      const opAt = start - before.length + (opMatch?.index ?? 0);
      let word = opMatch ? lower(printed(opAt, opAt + opMatch[0].length)) : null;
      const yearNext = groups.some((g) => g.start >= end && mf.slice(end, g.start).trim() === '');
      if (!unitM && !opHit && !yearNext) continue;
      const value = parseVnNumber(m[0]);
      if (value === null) continue;
      const unitLen = unitM ? unitM[0].length : 0;
      // "từ 0,05% trở xuống", "từ 90% trở lên": the operator follows the value.
      const trailing = /^\s*tro (xuong|len)\b/.exec(mf.slice(end + unitLen, end + unitLen + 12));
      let op: TargetOp | null = opHit ? opHit[1] : trailing ? (trailing[1] === 'xuong' ? '<=' : '>=') : null;
      if (!opHit && trailing) word = lower(printed(end + unitLen + trailing.index, end + unitLen + trailing[0].length));
      const prev = values[values.length - 1];
      // "… dưới 9,5 vào năm 2025 và 9 vào năm 2030": only "và"/"," (and a year) since the last value.
      if (!opHit && prev && /^[\s,]*(?:va)?[\s,]*$/.test(mf.slice(lastGroupEnd(groups, prev.end, start), start))) {
        op = prev.op;
        word = prev.word;
      }
      const unit: TargetUnit = unitM
        ? unitM[1]
          ? '%'
          : unitM[2]
            ? 'per1000'
            : 'per100000'
        : (clauseUnit ?? prev?.unit ?? 'count');
      const q =
        /^\s*(?:doi voi|o|tai|cho khu vuc|khu vuc)\s+([a-z ]{2,40}?)(?=\s+va\s|\s+vao\s|\s+den\s|\s+nam\s|\s*[,;.]|$)/.exec(
          cf.slice(end + unitLen, end + unitLen + 60),
        );
      const qualifier = q ? squash(s.slice(cs + end + unitLen + q.index, cs + end + unitLen + q.index + q[0].length)) : null;
      values.push({ value, unit, op, start, end: end + unitLen, qualifier, word });
    }
    for (const rel of relative.values) {
      const word = lower(printed(rel.verbAt, rel.verbAt + 4));
      values.push({ value: rel.value, unit: '%', op: '>=', start: rel.start, end: rel.end, qualifier: null, word, rel });
    }
    values.sort((a, b) => a.start - b.start);
    if (values.length) found = true;
    const base = basePhrase(s.slice(cs, ce), cf, values, groups);
    // Years to values: each year phrase takes the values since the previous one.
    let pending: Value[] = [];
    let last: Value | null = null;
    const events = [...values.map((v) => ({ at: v.start, v })), ...groups.map((g) => ({ at: g.start, g }))].sort(
      (a, b) => a.at - b.at,
    );
    // "đến năm 2025 đạt 95%; đến năm 2030 đạt 98%": the year comes first when the clause opens with
    // one and no value is followed straight by a year ("95% vào năm 2025"); each value then takes
    // the year phrase before it.
    const yearFirst =
      events[0] !== undefined &&
      'g' in events[0] &&
      !values.some((v) => groups.some((g) => g.start >= v.end && mf.slice(v.end, g.start).trim() === ''));
    let current: (typeof groups)[number] | null = null;
    for (const e of events) {
      if (!yearFirst) break;
      if ('g' in e) {
        if (e.g.maintain && last)
          for (const year of e.g.years) raw.push({ v: { ...last, op: '>=', word: 'duy trì' }, year, base, clause });
        current = e.g;
      } else if (current) {
        for (const year of current.years) raw.push({ v: e.v, year, base, clause });
        last = e.v;
      }
    }
    for (const e of yearFirst ? [] : events) {
      if ('v' in e) {
        pending.push(e.v);
        last = e.v;
      } else if (pending.length) {
        for (const v of pending) for (const year of e.g.years) raw.push({ v, year, base, clause });
        pending = [];
      } else if (e.g.maintain && last) {
        for (const year of e.g.years) raw.push({ v: { ...last, op: '>=', word: 'duy trì' }, year, base, clause });
      }
    }
    for (const v of pending) {
      if (defaultYear !== null) raw.push({ v, year: defaultYear, base, clause });
      else yearless++;
    }
    if (values.length) bases.add(base);
  }
  const multi = bases.size > 1 || raw.some((r) => r.v.qualifier);
  for (const { v, year, base, clause } of raw) {
    // a figure beyond the bound of a measure value (plan-format.ts) is not a target: a sum of money, an id
    if (year < 1990 || year > 2100 || v.value > MAX_MEASURE_VALUE) continue;
    // "giảm 5% so với năm 2025" read for 2025 itself compares a year with itself
    if (v.rel && typeof v.rel.reference === 'number' && v.rel.reference >= year) continue;
    const measure = multi ? clip(squash([base, v.qualifier].filter(Boolean).join(' ')), 200) || null : null;
    const t: IndicatorTarget = {
      year,
      value: v.value,
      unit: v.unit,
      op: v.op,
      measure,
      ...relativeFields(v.rel),
      ...(v.word !== null ? { opWord: v.word } : {}),
      text: clause,
    };
    const same = (x: IndicatorTarget) =>
      x.year === t.year && x.value === t.value && x.measure === t.measure && x.op === t.op && x.kind === t.kind;
    if (!targets.some(same)) targets.push(t);
  }
  return { targets: targets.slice(0, 50), yearless, found };
}

const lower = (w: string | null) => w?.toLocaleLowerCase('vi') ?? null;

function relativeFields(rel: RelativeValue | undefined): Partial<IndicatorTarget> {
  if (!rel) return {};
  return {
    kind: 'relative',
    change: rel.change,
    reference: rel.reference,
    ...(rel.valueTo !== null ? { valueTo: rel.valueTo } : {}),
  };
}

function lastGroupEnd(groups: { start: number; end: number }[], from: number, to: number): number {
  let at = from;
  for (const g of groups) if (g.start >= from && g.end <= to) at = g.end;
  return at;
}

/** Clause boundaries in folded text: ";", ":", and ". " (not a decimal or thousands dot). */
function clauses(f: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    // "Phấn đấu đến năm 2030: 100% …", "năm 2026: 60%": a colon after a year leads to its value
    const yearColon = c === ':' && /(?:^|\s)nam\s+(?:19|20|21)\d{2}\s*$/.test(f.slice(Math.max(start, i - 40), i));
    if (c === ';' || (c === ':' && !yearColon) || (c === '.' && (i + 1 >= f.length || f[i + 1] === ' '))) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  if (start < f.length) out.push([start, f.length]);
  return out;
}

const LEADING_VERBS = /^(?:[\s,-]*(?:tung buoc|phan dau|phan dau de|giam|tang|nang|nang cao|dam bao|bao dam|duy tri)\b)+/;

/** The words naming what a clause measures: before its first value, else after it. */
function basePhrase(orig: string, cf: string, values: Value[], groups: { start: number; end: number }[]): string {
  const first = values[0];
  if (!first) return '';
  let cut = first.start;
  const before = cf.slice(0, cut);
  const op =
    /(?:(?:xuong|giam)\s+(?:duoi|con)|duoi|xuong|con|dat|duy tri|phan dau|la|tren|khong qua|toi thieu|it nhat|o muc)\s*$/.exec(
      before,
    );
  if (op) cut = op.index;
  const lead = LEADING_VERBS.exec(cf)?.[0].length ?? 0;
  let phrase = lead < cut ? orig.slice(lead, cut) : '';
  phrase = phrase.replace(/(?:trên|\/)\s*(?:1\.000|100\.000)\s+trẻ(?: em| đẻ sống)?/gi, '');
  if (!squash(phrase)) {
    const next = groups.find((g) => g.start > first.end)?.start ?? orig.length;
    phrase = orig.slice(first.end, next);
  }
  return clip(squash(phrase.replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, '')), 160);
}
