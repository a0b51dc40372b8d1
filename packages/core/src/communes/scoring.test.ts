import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from './communes-api.ts';
import { defaultCommuneCategory } from './commune-type.ts';
import { shippedRuleSet } from './default-rule-set.ts';
import { scoreAssessment, scoreIndicator } from './scoring.ts';

const rules = shippedRuleSet();
const rate = (numerator: number, denominator: number): IndicatorValue => ({ kind: 'rate', numerator, denominator });
const count = (n: number): IndicatorValue => ({ kind: 'count', count: n });
const yes = (v: boolean): IndicatorValue => ({ kind: 'boolean', yes: v });

/** Every indicator at its best value: 1,000 points. */
function full(): Record<string, IndicatorValue> {
  const v: Record<string, IndicatorValue> = {};
  for (const c of rules.criteria) {
    for (const i of c.indicators) {
      if (i.value === 'boolean') v[i.code] = yes(true);
      else if (i.value === 'count') v[i.code] = count(0);
      else
        v[i.code] =
          i.rule.kind !== 'boolean' && 'direction' in i.rule && i.rule.direction === 'at_most' ? rate(0, 1000) : rate(100, 100);
    }
  }
  return v;
}

/**
 * 850 exactly: 1,000
 *  − 20 (1.4 no budget)
 *  − 10 (2.1 births registered 98 %: 20 of 30)
 *  − 20 (8.1 underweight 7 %: ≤ 9 % gives 30 of 50)
 *  − 20 (9.1 health checks 90 %: 30 of 50)
 *  − 20 (10.1 kindergarten at 5: 95 %: 30 of 50)
 *  − 35 (11.2 no children's club)
 *  − 25 (13.1 satisfied 70 %: (70 − 50) / (90 − 50) × 50 = 25 of 50)
 *  = 1,000 − 150 = 850.
 */
function at850(): Record<string, IndicatorValue> {
  return {
    ...full(),
    '1.4': yes(false),
    '2.1': rate(98, 100),
    '8.1': rate(7, 100),
    '9.1': rate(90, 100),
    '10.1': rate(95, 100),
    '11.2': yes(false),
    '13.1': rate(70, 100),
  };
}

describe('scoring under Quyết định 06/2019 (shipped rule set)', () => {
  it('gives 1,000 points to every indicator at its best', () => {
    const s = scoreAssessment(rules, full(), 'other');
    expect(s.total).toBe(1000);
    expect(s.maxTotal).toBe(1000);
    expect(s.meetsStandard).toBe(true);
    expect(s.shortfall).toEqual({ missing: 0, zeroCriteria: [], criteria: [] });
  });

  it('850 (others): exactly at the threshold recognised, one point below not', () => {
    const at = scoreAssessment(rules, at850(), 'other');
    expect(at.total).toBe(850);
    expect(at.threshold).toBe(850);
    expect(at.meetsStandard).toBe(true);
    // 13.1 at 69.5 %: (69.5 − 50) / 40 × 50 = 24.375 → 24 points, one fewer: 849
    const below = scoreAssessment(rules, { ...at850(), '13.1': rate(695, 1000) }, 'other');
    expect(below.total).toBe(849);
    expect(below.meetsStandard).toBe(false);
    expect(below.shortfall.missing).toBe(1);
    expect(below.criteria.find((c) => c.code === '13')?.points).toBe(24);
  });

  it('800 (mountain, island, especially disadvantaged): at and one below', () => {
    // 850 − 20 (2.2 births on time 90 % < 95 %) − 25 (10.2 school 97 % < 98 %) − 5 (13.1 66 %: 16 / 40 × 50 = 20, not 25) = 800
    const at = { ...at850(), '2.2': rate(90, 100), '10.2': rate(97, 100), '13.1': rate(66, 100) };
    for (const category of ['mountain', 'island', 'especially_disadvantaged'] as const) {
      const s = scoreAssessment(rules, at, category);
      expect(s.total).toBe(800);
      expect(s.threshold).toBe(800);
      expect(s.meetsStandard).toBe(true);
    }
    // 13.1 at 65.5 %: 15.5 / 40 × 50 = 19.375 → 19: 799
    const below = scoreAssessment(rules, { ...at, '13.1': rate(655, 1000) }, 'mountain');
    expect(below.total).toBe(799);
    expect(below.meetsStandard).toBe(false);
    expect(below.shortfall.missing).toBe(1);
    // the same 800 falls short of 850 for an ordinary commune
    expect(scoreAssessment(rules, at, 'other').shortfall.missing).toBe(50);
  });

  it('900 (urban wards of centrally-run cities): at and one below', () => {
    // 1,000 − 20 (1.4) − 35 (11.2) − 25 (13.1 at 70 %) − 20 (8.1 underweight 7 %) = 900
    const at = { ...full(), '1.4': yes(false), '11.2': yes(false), '13.1': rate(70, 100), '8.1': rate(7, 100) };
    const s = scoreAssessment(rules, at, 'urban_central');
    expect(s.total).toBe(900);
    expect(s.threshold).toBe(900);
    expect(s.meetsStandard).toBe(true);
    const below = scoreAssessment(rules, { ...at, '13.1': rate(695, 1000) }, 'urban_central');
    expect(below.total).toBe(899);
    expect(below.meetsStandard).toBe(false);
  });

  it('a criterion at 0 bars recognition whatever the total', () => {
    // criterion 4: one child in conflict with the law (4.1: 0 of 25) and one using drugs (4.2: 0 of 25) → 0; total 950
    const s = scoreAssessment(rules, { ...full(), '4.1': count(1), '4.2': count(1) }, 'mountain');
    expect(s.total).toBe(950);
    expect(s.zeroCriteria).toEqual(['4']);
    expect(s.meetsStandard).toBe(false);
    expect(s.shortfall.missing).toBe(0);
    expect(s.shortfall.zeroCriteria).toEqual(['4']);
    expect(s.shortfall.criteria[0]).toMatchObject({ code: '4', lost: 50 });
  });

  it('explains the shortfall criterion by criterion, most lost first', () => {
    const s = scoreAssessment(rules, at850(), 'urban_central');
    expect(s.shortfall.missing).toBe(50);
    expect(s.shortfall.criteria.map((c) => [c.code, c.lost])).toEqual([
      ['11', 35],
      ['13', 25],
      ['1', 20],
      ['8', 20],
      ['9', 20],
      ['10', 20],
      ['2', 10],
    ]);
    const births = s.shortfall.criteria.find((c) => c.code === '2');
    expect(births?.reasons[0]?.indicator).toBe('2.1');
    expect(births?.reasons[0]?.text.en).toContain('value 98% earns 20 of 30 points');
  });

  it('a missing value scores 0 and says so; an empty denominator follows the rule', () => {
    const missing = { ...full() };
    delete missing['7.1'];
    const s = scoreAssessment(rules, missing, 'other');
    expect(s.criteria.find((c) => c.code === '7')?.points).toBe(0);
    expect(s.zeroCriteria).toEqual(['7']);
    expect(s.shortfall.criteria[0]?.reasons[0]?.text.en).toContain('no value yet');
    // no child in special circumstances: 6.1 "whenEmpty: full" keeps its 50 points; 13.1 "none" loses its 50
    expect(scoreAssessment(rules, { ...full(), '6.1': rate(0, 0) }, 'other').total).toBe(1000);
    expect(scoreAssessment(rules, { ...full(), '13.1': rate(0, 0) }, 'other').total).toBe(950);
  });

  it('never throws on ill-formed values', () => {
    const ind = rules.criteria[1]?.indicators[0];
    if (!ind) throw new Error('shipped set changed');
    expect(scoreIndicator(ind, count(3)).points).toBe(0);
    expect(scoreIndicator(ind, rate(5, 3)).points).toBe(0);
    expect(scoreIndicator(ind, rate(Number.NaN, 3)).shortfall?.en).toContain('invalid');
    expect(scoreIndicator(ind, rate(100, 100)).points).toBe(30);
  });
});

describe('commune category from the official units', () => {
  it('special zones are islands, wards of centrally-run cities urban, the rest other', () => {
    expect(defaultCommuneCategory({ provinceCode: '22', type: 'Đặc khu' })).toBe('island');
    expect(defaultCommuneCategory({ provinceCode: '79', type: 'Phường' })).toBe('urban_central');
    expect(defaultCommuneCategory({ provinceCode: '92', type: 'Phường' })).toBe('urban_central');
    expect(defaultCommuneCategory({ provinceCode: '40', type: 'Phường' })).toBe('other');
    expect(defaultCommuneCategory({ provinceCode: '01', type: 'Xã' })).toBe('other');
  });
});
