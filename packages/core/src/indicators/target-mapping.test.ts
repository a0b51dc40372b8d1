import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plans/parse.ts';
import type { IndicatorTarget } from '../plans/plan-format.ts';
import { NATIONAL_CATALOGUE, indexCatalogue } from './catalogue.ts';
import { targetComparison } from './target-comparison.ts';
import { mapPlanTarget } from './target-mapping.ts';

const index = indexCatalogue(NATIONAL_CATALOGUE);
const target = (t: Partial<IndicatorTarget>): IndicatorTarget => ({
  year: 2030,
  value: 2,
  unit: '%',
  op: null,
  measure: null,
  ...t,
});

describe('a comparison from the wording', () => {
  it.each<[string, Partial<IndicatorTarget>, 'higher' | 'lower', unknown]>([
    ['"là 2 %" on a lower-is-better rate: ≤', { opWord: 'là' }, 'lower', { op: '<=', source: 'direction' }],
    ['a bare "95 % trẻ em …" on a higher-is-better rate: ≥', { opWord: null }, 'higher', { op: '>=', source: 'direction' }],
    ['"duy trì" when higher is better: ≥', { op: '>=', opWord: 'duy trì' }, 'higher', { op: '>=', source: 'maintain' }],
    ['"duy trì" when lower is better: ≤', { op: '>=', opWord: 'Duy trì' }, 'lower', { op: '<=', source: 'maintain' }],
    ['"duy trì … dưới 2 %" keeps its "dưới"', { op: '<', opWord: 'dưới' }, 'lower', { op: '<', source: 'stated' }],
    ['"đạt 95 %" as written', { op: '>=', opWord: 'đạt' }, 'higher', { op: '>=', source: 'stated' }],
    ['a person’s comparison (no word) as set', { op: '>=', opWord: null }, 'lower', { op: '>=', source: 'stated' }],
    ['"đạt" on a lower-is-better rate: flagged', { op: '>=', opWord: 'đạt' }, 'lower', { flag: 'opposite_direction' }],
    ['"dưới" on a higher-is-better rate: flagged', { op: '<', opWord: 'dưới' }, 'higher', { flag: 'opposite_direction' }],
    [
      '"duy trì 100 % trẻ em không tảo hôn" on the child-marriage rate: the complement, flagged',
      { op: '>=', opWord: 'duy trì', value: 100, text: 'duy trì 100% trẻ em không tảo hôn đến năm 2030' },
      'lower',
      { flag: 'complement' },
    ],
    [
      '"… không được tiêm chủng xuống dưới 5 %" states ≤: not a complement',
      { op: '<', opWord: 'dưới', value: 5, text: 'giảm tỷ lệ trẻ em không được tiêm chủng xuống dưới 5%' },
      'lower',
      { op: '<', source: 'stated' },
    ],
    [
      '"không quá" is a comparison, not a negation',
      { op: '<=', opWord: 'không quá', text: 'tỷ lệ không quá 2%' },
      'lower',
      { op: '<=', source: 'stated' },
    ],
    ['a relative reduction of a lower-is-better rate: ≥ on the change', rel('decrease'), 'lower', { op: '>=', source: 'change' }],
    ['a relative increase of a higher-is-better rate', rel('increase'), 'higher', { op: '>=', source: 'change' }],
    ['a reduction of a higher-is-better rate: flagged', rel('decrease'), 'higher', { flag: 'opposite_direction' }],
  ])('%s', (_name, t, direction, expected) => {
    expect(targetComparison(target(t), direction)).toEqual(expected);
  });
});

function rel(change: 'decrease' | 'increase'): Partial<IndicatorTarget> {
  return { kind: 'relative', change, reference: 'previous-year', value: 4, valueTo: 5, op: null, opWord: 'giảm' };
}

describe('mapping a target to a measure', () => {
  it('takes a person’s choice of measure, and says when the catalogue no longer has it', () => {
    expect(mapPlanTarget(index, 3, target({ unit: 'per1000', measureCode: 'I03_INFANT_MORTALITY', op: '<' }))).toEqual({
      kind: 'mapped',
      measure: 'I03_INFANT_MORTALITY',
      op: '<',
      opSource: 'stated',
      chosen: true,
    });
    expect(mapPlanTarget(index, 3, target({ measureCode: 'L99_GONE' }))).toEqual({
      kind: 'unmapped',
      reason: 'unknown_measure',
      candidates: ['I03_NEONATAL_MORTALITY', 'I03_INFANT_MORTALITY', 'I03_UNDER5_MORTALITY'],
    });
  });

  it('refuses a level in another unit, but not a relative change in % of a rate per 1,000', () => {
    expect(mapPlanTarget(index, 3, target({ measure: 'trẻ sơ sinh', unit: '%' }))).toMatchObject({
      kind: 'unmapped',
      reason: 'unit_mismatch',
    });
    expect(mapPlanTarget(index, 3, target({ measure: 'trẻ sơ sinh', ...rel('decrease') }))).toMatchObject({
      kind: 'mapped',
      measure: 'I03_NEONATAL_MORTALITY',
      op: '>=',
    });
  });

  it('maps the issue’s targets of the Long An plan: derived comparisons, the complement flagged', () => {
    const text = fs.readFileSync(
      path.join(import.meta.dirname, '../plans/samples/long-an-2021-2030-action-programme.txt'),
      'utf8',
    );
    const plan = parsePlanText(text).plan;
    const of = (no: number) => (plan.indicators.find((i) => i.no === no)?.targets ?? []).map((t) => mapPlanTarget(index, no, t));
    // "Tỷ lệ lây truyền HIV từ mẹ sang con là 2% vào năm 2030": ≤ 2 % from the direction of the rate
    expect(of(6)).toEqual([
      { kind: 'mapped', measure: 'I06_HIV_MOTHER_TO_CHILD', op: '<=', opSource: 'direction', chosen: false },
    ]);
    // "…; 98% trẻ em dưới 5 tuổi được tiêm chủng đầy đủ các loại vắc xin vào năm 2030": ≥ from the direction
    expect(of(5)[2]).toEqual({
      kind: 'mapped',
      measure: 'I05_FULL_IMMUNISATION_U5',
      op: '>=',
      opSource: 'direction',
      chosen: false,
    });
    // "duy trì 100% trẻ em không tảo hôn đến năm 2030": never ≥ 100 % on the child-marriage rate
    expect(of(13)).toEqual([{ kind: 'unmapped', reason: 'complement', candidates: ['I13_CHILD_MARRIAGE'] }]);
    // "… đạt 99,9% vào năm 2025 và duy trì 99,9% vào năm 2030" on a higher-is-better rate
    expect(of(16).map((m) => m.kind === 'mapped' && [m.op, m.opSource])).toEqual([
      ['>=', 'stated'],
      ['>=', 'maintain'],
    ]);
  });

  it('maps "Duy trì mức giảm số cuộc tảo hôn từ 4-5% hằng năm" as a yearly reduction of the child-marriage rate', () => {
    const plan = parsePlanText(
      'KẾ HOẠCH\nCông tác trẻ em năm 2026\nI. MỤC TIÊU\n- Chỉ tiêu 13: Duy trì mức giảm số cuộc tảo hôn từ 4-5% hằng năm.',
    ).plan;
    const [t] = plan.indicators[0]?.targets ?? [];
    expect(t).toMatchObject({ kind: 'relative', change: 'decrease', reference: 'previous-year', value: 4, valueTo: 5 });
    expect(t && mapPlanTarget(index, 13, t)).toEqual({
      kind: 'mapped',
      measure: 'I13_CHILD_MARRIAGE',
      op: '>=',
      opSource: 'change',
      chosen: false,
    });
  });
});
