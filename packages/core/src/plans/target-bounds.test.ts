import { describe, expect, it } from 'vitest';
import { IndicatorSchema } from '../indicators/catalogue-schema.ts';
import { NATIONAL_CATALOGUE } from '../indicators/catalogue.ts';
import { readTargets } from './parser/indicators.ts';
import { IndicatorTargetSchema } from './plan-format.ts';

/** Targets (a plan's, a local indicator's) are levels within 0 ≤ v ≤ 10^12, so progress stays finite. */
describe('bounds of targets', () => {
  it('refuses a plan target that is negative or beyond 10^12, naming it as too small or too big', () => {
    const target = (value: number) => IndicatorTargetSchema.safeParse({ year: 2025, value });
    expect(target(99.5).success).toBe(true);
    expect(target(1e12).success).toBe(true);
    expect(target(-1).error?.issues[0]?.code).toBe('too_small');
    expect(target(1e308).error?.issues[0]?.code).toBe('too_big');
    expect(target(2 ** 60).error?.issues[0]?.code).toBe('too_big');
    expect(target(Infinity).success).toBe(false);
    expect(target(NaN).success).toBe(false);
  });

  it('does not read a figure beyond the bound in a plan’s text as a target', () => {
    const values = (s: string) => readTargets(s, 2030).targets.map((t) => t.value);
    expect(values('Phấn đấu đạt 95% vào năm 2030')).toEqual([95]);
    expect(values('Phấn đấu đạt 5.000.000.000.000 vào năm 2030')).toEqual([]);
  });

  it('refuses a catalogue target beyond the bound with a Vietnamese wording', () => {
    const indicator = NATIONAL_CATALOGUE.indicators[0];
    const measure = indicator?.measures[0];
    if (!indicator || !measure) throw new Error('the national catalogue has indicators');
    const withTarget = (value: number) =>
      IndicatorSchema.safeParse({ ...indicator, measures: [{ ...measure, nationalTargets: [{ year: 2030, op: '>=', value }] }] });
    expect(withTarget(90).success).toBe(true);
    const issue = withTarget(1e308).error?.issues[0];
    expect(issue?.path).toEqual(['measures', 0, 'nationalTargets', 0, 'value']);
    expect(issue?.message).toMatch(/above the largest value allowed/);
    expect((issue as { params?: { vi?: string } } | undefined)?.params?.vi).toMatch(/vượt quá giới hạn/);
    expect(withTarget(-0.5).error?.issues[0]?.message).toBe('negative value (-0.5)');
  });
});
