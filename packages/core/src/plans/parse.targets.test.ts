import { describe, expect, it } from 'vitest';
import { readTargets } from './parser/indicators.ts';
import { IndicatorTargetSchema, type IndicatorTarget } from './plan-format.ts';

/**
 * Issue 13, part 4: relative targets are their own kind, never a level; each target keeps the word
 * that governs its value and its clause, so a missing comparison can be derived from the wording.
 */
const read = (s: string, year: number | null = 2026) => readTargets(s, year).targets;
const relative = (t: IndicatorTarget | undefined) =>
  t && [t.kind, t.change, t.reference, t.value, t.valueTo ?? null, t.year, t.op];

describe('relative targets', () => {
  it('reads a yearly reduction as a change against the year before, the lower end of the range as value', () => {
    const [t, ...rest] = read('Giảm tỷ suất trẻ em bị tai nạn, thương tích trung bình 4-5% mỗi năm', 2030);
    expect(rest).toEqual([]);
    expect(relative(t)).toEqual(['relative', 'decrease', 'previous-year', 4, 5, 2030, '>=']);
    expect(t?.unit).toBe('%');
    expect(t?.opWord).toBe('giảm');
  });

  it('reads "Duy trì mức giảm … từ 4-5% hằng năm" as a yearly reduction, not a level ≤ 5 %', () => {
    const targets = read('Duy trì mức giảm số cuộc tảo hôn từ 4-5% hằng năm');
    expect(targets.map(relative)).toEqual([['relative', 'decrease', 'previous-year', 4, 5, 2026, '>=']]);
  });

  it('reads a change against a year, whose year is never a target year', () => {
    expect(read('Giảm số trẻ em bị xâm hại 4-5% so với năm 2025').map(relative)).toEqual([
      ['relative', 'decrease', 2025, 4, 5, 2026, '>='],
    ]);
    expect(read('Số vụ việc xâm hại trẻ em giảm 5% so với năm 2025.').map(relative)).toEqual([
      ['relative', 'decrease', 2025, 5, null, 2026, '>='],
    ]);
    const third = read('Giảm 1/3 tỷ lệ trẻ em bị suy dinh dưỡng so với năm 2020 vào năm 2030');
    expect(third.map(relative)).toEqual([['relative', 'decrease', 2020, 100 / 3, null, 2030, '>=']]);
    expect(relative(read('Tăng 10% số trẻ em được hỏi ý kiến so với năm trước')[0])).toEqual([
      'relative',
      'increase',
      'previous-year',
      10,
      null,
      2026,
      '>=',
    ]);
  });

  it('keeps a level and a yearly change of the same clause apart', () => {
    const targets = read('Giảm tỷ lệ trẻ em thấp còi xuống 10% vào năm 2025 và giảm bình quân 1% mỗi năm');
    expect(targets.map((t) => [t.kind ?? 'level', t.op, t.value, t.year])).toEqual([
      ['level', '<=', 10, 2025],
      ['relative', '>=', 1, 2026],
    ]);
  });

  it('does not take a level for a change: "giảm xuống", "tăng lên", "tăng cường" and a change without reference', () => {
    const kinds = (s: string) => read(s).map((t) => t.kind ?? 'level');
    expect(kinds('Giảm tỷ lệ suy dinh dưỡng xuống 5% mỗi năm')).toEqual(['level']);
    expect(kinds('Tăng tỷ lệ trẻ em được tiêm chủng lên 95% vào năm 2030')).toEqual(['level']);
    expect(kinds('Tăng cường truyền thông, 90% trẻ em được hỗ trợ hằng năm')).toEqual(['level']);
    expect(kinds('Giảm 5% số vụ tai nạn vào năm 2030')).toEqual(['level']);
  });

  it('drops a change against the year it is read for', () => {
    expect(read('Giảm 5% số vụ việc so với năm 2026', 2026)).toEqual([]);
  });

  it('writes targets tre.plan/v1 accepts, and the format refuses an incomplete relative target', () => {
    for (const t of read('Giảm 1/3 tỷ lệ trẻ em bị suy dinh dưỡng so với năm 2020 vào năm 2030; giảm 4-5% mỗi năm'))
      expect(IndicatorTargetSchema.safeParse(t).success).toBe(true);
    const bad = (t: object) => IndicatorTargetSchema.safeParse({ year: 2030, value: 4, ...t }).error?.issues[0]?.path;
    expect(bad({ kind: 'relative', reference: 'previous-year' })).toEqual(['change']);
    expect(bad({ kind: 'relative', change: 'decrease' })).toEqual(['reference']);
    expect(bad({ kind: 'relative', change: 'decrease', reference: 2030 })).toEqual(['reference']);
    expect(bad({ kind: 'relative', change: 'decrease', reference: 2020, value: 120 })).toEqual(['value']);
    expect(bad({ change: 'decrease' })).toEqual(['change']);
    expect(bad({ kind: 'relative', change: 'increase', reference: 2020, unit: 'per1000' })).toEqual(['unit']);
  });
});

describe('the word that governs a value and its clause', () => {
  it('keeps "là", "duy trì", "đạt", "dưới", and null for a bare value', () => {
    const words = (s: string) => read(s, 2030).map((t) => [t.op, t.opWord]);
    expect(words('Tỷ lệ lây truyền HIV từ mẹ sang con là 2% vào năm 2030.')).toEqual([[null, 'là']]);
    expect(words('duy trì 100% trẻ em không tảo hôn đến năm 2030')).toEqual([['>=', 'duy trì']]);
    expect(words('đạt 97% vào năm 2025 và 98% vào năm 2030')).toEqual([
      ['>=', 'đạt'],
      ['>=', 'đạt'],
    ]);
    expect(words('dưới 9,5‰ vào năm 2025')).toEqual([['<', 'dưới']]);
    expect(words('98% trẻ em dưới 5 tuổi được tiêm chủng đầy đủ vào năm 2030')).toEqual([[null, undefined]]);
    expect(words('từ 0,05% trở xuống vào năm 2030')).toEqual([['<=', 'trở xuống']]);
  });

  it('keeps the clause each target was read from', () => {
    const [a, b] = read('Tỷ lệ A đạt 90% vào năm 2025; 95% trẻ em được khám vào năm 2030', 2030);
    expect(a?.text).toBe('Tỷ lệ A đạt 90% vào năm 2025');
    expect(b?.text).toBe('95% trẻ em được khám vào năm 2030');
  });
});
