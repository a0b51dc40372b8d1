import { describe, expect, it } from 'vitest';
import { relativeProgress, type RelativeProgressInput, type RelativeTarget } from './relative-progress.ts';

/**
 * Relative targets judged on the change achieved, (R − V) / R × 100 for a reduction, with every
 * expectation computed by hand in the comments.
 */
const yearly: RelativeTarget = { year: 2030, op: '>=', value: 4, change: 'decrease', reference: 'previous-year' };
const third: RelativeTarget = { year: 2030, op: '>=', value: 100 / 3, change: 'decrease', reference: 2020 };
const judge = (target: RelativeTarget, year: number, value: number | null, referenceValue: number | null) =>
  relativeProgress({ direction: 'lower', value, year, target, referenceValue } satisfies RelativeProgressInput);

describe('"giảm 4–5 % mỗi năm": the change against the year before', () => {
  it('12.5 ‰ → 12 ‰ is a fall of 0.5 / 12.5 = 4 %: met; the level asked is 12.5 × 0.96 = 12 ‰', () => {
    const p = judge(yearly, 2025, 12, 12.5);
    expect(p.status).toBe('met');
    expect(p.change).toBeCloseTo(4, 10);
    expect(p.expected).toBeCloseTo(12, 10);
  });
  it('12.5 → 12.05 is 0.45 / 12.5 = 3.6 %, 0.4 short of 4 = one tenth of it: at risk (boundary included)', () => {
    const p = judge(yearly, 2025, 12.05, 12.5);
    expect(p.change).toBeCloseTo(3.6, 10);
    expect(p.status).toBe('at_risk');
  });
  it('12.5 → 12.1 is 0.4 / 12.5 = 3.2 %, 0.8 short: off track; a rise (12.5 → 13, −4 %) too', () => {
    expect(judge(yearly, 2025, 12.1, 12.5)).toMatchObject({ status: 'off_track' });
    expect(judge(yearly, 2025, 12.1, 12.5).change).toBeCloseTo(3.2, 10);
    expect(judge(yearly, 2025, 13, 12.5).change).toBeCloseTo(-4, 10);
    expect(judge(yearly, 2025, 13, 12.5).status).toBe('off_track');
  });
  it('without the previous year’s value there is not enough data, never a made-up change', () => {
    expect(judge(yearly, 2025, 12, null)).toEqual({
      status: 'insufficient_data',
      change: null,
      expected: null,
      tolerance: null,
      trend: null,
    });
    // a reference of 0: no share of nothing
    expect(judge(yearly, 2025, 0, 0)).toMatchObject({ status: 'insufficient_data', change: null });
    // no value for the year judged: no data, as for levels
    expect(judge(yearly, 2025, null, 12.5)).toMatchObject({ status: 'no_data', change: null });
  });
  it('an increase of 10 % a year: 50 % → 55 % is (55 − 50) / 50 = 10 %: met; 54.4 % is 8.8 %: off track', () => {
    const up: RelativeTarget = { ...yearly, value: 10, change: 'increase' };
    const p = relativeProgress({ direction: 'higher', value: 55, year: 2025, target: up, referenceValue: 50 });
    expect(p.status).toBe('met');
    expect(p.change).toBeCloseTo(10, 10);
    expect(p.expected).toBeCloseTo(55, 10);
    expect(relativeProgress({ direction: 'higher', value: 54.4, year: 2025, target: up, referenceValue: 50 }).status).toBe(
      'off_track',
    );
  });
});

describe('"giảm 1/3 so với năm 2020" by 2030: the change against the reference year, along a line', () => {
  // R = 30 %: the target asks for 30 × (1 − 1/3) = 20 % in 2030; by 2025 half the change is due,
  // 16.67 %, i.e. a level of 25 %; the tolerance is one tenth of 33.33 % = 3.33 %.
  it('25 % in 2025 is on the line (a fall of 16.67 %): on track', () => {
    const p = judge(third, 2025, 25, 30);
    expect(p.status).toBe('on_track');
    expect(p.change).toBeCloseTo(100 / 6, 10);
    expect(p.expected).toBeCloseTo(25, 10);
  });
  it('25.5 % is a fall of 15 %, 1.67 behind the line: at risk; 27 % is 10 %, 6.67 behind: off track', () => {
    expect(judge(third, 2025, 25.5, 30)).toMatchObject({ status: 'at_risk' });
    expect(judge(third, 2025, 25.5, 30).change).toBeCloseTo(15, 10);
    expect(judge(third, 2025, 27, 30)).toMatchObject({ status: 'off_track' });
  });
  it('20 % is the whole third: met, whatever the year; 21 % after 2030 is off track', () => {
    expect(judge(third, 2024, 20, 30).status).toBe('met');
    expect(judge(third, 2031, 21, 30).status).toBe('off_track');
    // in 2030 itself 21 % (a fall of 30 %, 3.33 short: at the boundary) is at risk
    expect(judge(third, 2030, 21, 30).status).toBe('at_risk');
  });
  it('the reference year itself and the years before it have nothing to judge; a missing reference value is not enough data', () => {
    expect(judge(third, 2020, 30, 30).status).toBe('no_target');
    expect(judge(third, 2025, 25, null).status).toBe('insufficient_data');
  });
});
