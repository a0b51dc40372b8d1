import { describe, expect, it } from 'vitest';
import { measureProgress, measureTrend, meetsTarget, targetForYear, type ProgressInput } from './progress.ts';

// Higher is better: coverage from 80 % (2020) to ≥ 90 % (2030). Distance 10, tolerance 10 % × 10 = 1.
// The line at 2025: 80 + (90 − 80) × 5/10 = 85.
const coverage = (value: number | null, year = 2025, op: '>=' | '>' = '>='): ProgressInput => ({
  direction: 'higher',
  value,
  year,
  target: { year: 2030, op, value: 90 },
  baseline: { year: 2020, value: 80 },
});

// Lower is better: mortality from 20 (2020) to < 10 (2030) per 1,000. Distance 10, tolerance 1.
// The line at 2024: 20 + (10 − 20) × 4/10 = 16; at 2027: 20 − 7 = 13.
const mortality = (value: number | null, year = 2024, op: '<' | '<=' = '<'): ProgressInput => ({
  direction: 'lower',
  value,
  year,
  target: { year: 2030, op, value: 10 },
  baseline: { year: 2020, value: 20 },
});

const status = (i: ProgressInput) => measureProgress(i).status;

describe('progress status, higher is better', () => {
  it.each([
    [85, 'on_track'], // exactly on the line
    [86, 'on_track'], // above the line
    [84.5, 'at_risk'], // 0.5 below, inside the tolerance of 1
    [84, 'at_risk'], // 1 below: on the tolerance boundary, which is inside
    [83.9, 'off_track'], // 1.1 below: just outside
    [70, 'off_track'],
  ] as const)('%d in 2025 is %s', (value, expected) => {
    expect(status(coverage(value))).toBe(expected);
  });

  it('reports the expected value and the tolerance', () => {
    expect(measureProgress(coverage(84))).toMatchObject({ expected: 85, tolerance: 1 });
  });

  it('is met as soon as the target holds, before the target year', () => {
    // 91 ≥ 90 in 2022: met, though the line only expects 80 + 10 × 2/10 = 82
    expect(status(coverage(91, 2022))).toBe('met');
    expect(status(coverage(90, 2025))).toBe('met');
    // '>' at equality is not met; 90 is above the 2025 line (85): on track
    expect(status(coverage(90, 2025, '>'))).toBe('on_track');
  });
});

describe('progress status, lower is better', () => {
  it.each([
    [16, 'on_track'], // exactly on the line at 2024
    [15, 'on_track'], // below the line: better
    [16.5, 'at_risk'], // 0.5 above
    [17, 'at_risk'], // 1 above: the boundary
    [17.2, 'off_track'], // 1.2 above
  ] as const)('%d in 2024 is %s', (value, expected) => {
    expect(status(mortality(value))).toBe(expected);
  });

  it("distinguishes '<' from '<=' at equality", () => {
    // 10 < 10 is false, 10 ≤ 10 is true
    expect(status(mortality(10, 2030, '<'))).toBe('at_risk');
    expect(status(mortality(10, 2030, '<='))).toBe('met');
    expect(status(mortality(9.99, 2030, '<'))).toBe('met');
    // before the target year, 10 is better than the 2027 line (13): on track though not met
    expect(status(mortality(10, 2027, '<'))).toBe('on_track');
  });

  it('is met early, and off track once the target year has passed unmet', () => {
    // 9 < 10 in 2022: met eight years early
    expect(status(mortality(9, 2022))).toBe('met');
    // 2031, 10.5 not < 10: the deadline has passed
    expect(status(mortality(10.5, 2031))).toBe('off_track');
    // in the target year itself the line is the target: 10.5 is 0.5 worse, inside the tolerance
    expect(status(mortality(10.5, 2030))).toBe('at_risk');
    expect(status(mortality(11.5, 2030))).toBe('off_track');
  });

  it('clamps the line before the baseline year', () => {
    // 2019 is before the baseline: the line stays at 20
    expect(measureProgress(mortality(20, 2019))).toMatchObject({ status: 'on_track', expected: 20 });
  });
});

describe('progress without a usable line, data or target', () => {
  it('is no_target without a target and no_data without a value', () => {
    expect(status({ ...coverage(85), target: null })).toBe('no_target');
    expect(status({ ...coverage(null), target: null })).toBe('no_target');
    expect(status(coverage(null))).toBe('no_data');
  });

  it('is at_risk before the target year and off_track after it when no line can be drawn', () => {
    expect(measureProgress({ ...coverage(85), baseline: null })).toMatchObject({ status: 'at_risk', expected: null });
    expect(status({ ...coverage(85, 2031), baseline: null })).toBe('off_track');
    // a baseline that already meets the target (100 % to be maintained) draws no line
    const maintain: ProgressInput = {
      direction: 'higher',
      value: 99,
      year: 2027,
      target: { year: 2030, op: '>=', value: 100 },
      baseline: { year: 2020, value: 100 },
    };
    expect(measureProgress(maintain)).toMatchObject({ status: 'at_risk', expected: null });
    // a baseline dated in the target year draws no line either
    expect(status({ ...coverage(85), baseline: { year: 2030, value: 80 } })).toBe('at_risk');
  });

  it('compares with a tiny relative tolerance: 97.00000000000001 meets ≥ 97', () => {
    expect(meetsTarget((97 / 100) * 100 + 1e-14, '>=', 97)).toBe(true);
    expect(meetsTarget(97 + 1e-14, '=', 97)).toBe(true);
    expect(meetsTarget(97.001, '=', 97)).toBe(false);
    expect(meetsTarget(97.001, '>', 97)).toBe(true);
  });
});

describe('trend', () => {
  it('follows the direction of better', () => {
    expect(measureTrend('higher', 85, [80, 82])).toBe('improving');
    expect(measureTrend('higher', 80, [82])).toBe('worsening');
    expect(measureTrend('lower', 11, [12])).toBe('improving');
    expect(measureTrend('lower', 13, [12])).toBe('worsening');
  });

  it('is stable within 1 % of the previous value and skips periods without data', () => {
    // 12 → 12.1: change 0.1 ≤ 1 % × 12 = 0.12
    expect(measureTrend('lower', 12.1, [12])).toBe('stable');
    // 12 → 12.2: change 0.2 > 0.12
    expect(measureTrend('lower', 12.2, [12])).toBe('worsening');
    // the last known value is 10 (the null is skipped): 10 → 11 is +1 for a higher-is-better measure
    expect(measureTrend('higher', 11, [10, null])).toBe('improving');
    expect(measureTrend('higher', 0, [0])).toBe('stable');
    expect(measureTrend('higher', 11, [])).toBeNull();
    expect(measureTrend('higher', null, [10])).toBeNull();
  });

  it('comes with the status', () => {
    expect(measureProgress({ ...mortality(15), previous: [17, 16] })).toMatchObject({ status: 'on_track', trend: 'improving' });
  });
});

describe('target for a year', () => {
  const targets = [
    { year: 2030, value: 10 },
    { year: 2025, value: 12.5 },
  ];
  it('takes the next target due, or the last one when all are past', () => {
    expect(targetForYear(targets, 2023)?.year).toBe(2025);
    expect(targetForYear(targets, 2025)?.year).toBe(2025);
    expect(targetForYear(targets, 2027)?.year).toBe(2030);
    expect(targetForYear(targets, 2032)?.year).toBe(2030);
    expect(targetForYear([], 2025)).toBeNull();
  });
});
