import { describe, expect, it } from 'vitest';
import { indexCatalogue, NATIONAL_CATALOGUE } from './catalogue.ts';
import { validateValues, type ValidationInput } from './validation.ts';
import type { DataValue } from './values.ts';

const index = indexCatalogue(NATIONAL_CATALOGUE);
const dv = (
  element: string,
  unit: string,
  value: number,
  period = '2025',
  disaggregation?: Record<string, string>,
): DataValue => ({
  element,
  unit,
  period,
  value,
  ...(disaggregation ? { disaggregation } : {}),
});
const run = (values: DataValue[], extra: Partial<ValidationInput> = {}) =>
  validateValues({ index, values, period: '2025', ...extra });
const rules = (values: DataValue[], extra: Partial<ValidationInput> = {}) =>
  run(values, extra).map((v) => `${v.unit} ${v.rule} ${v.elements.join('/')}`);

describe('validation rules', () => {
  it('passes clean figures', () => {
    expect(run([dv('CHILDREN_U1_FULLY_IMMUNISED', 'A', 970), dv('CHILDREN_U1', 'A', 1000)])).toEqual([]);
  });

  it('refuses a share whose numerator exceeds its denominator, but not a rate per 1,000', () => {
    const v = run([
      dv('CHILDREN_U1_FULLY_IMMUNISED', 'A', 1001),
      dv('CHILDREN_U1', 'A', 1000),
      // deaths above births would be absurd too, but I03 is per 1,000, not a share: no rule here
      dv('NEONATAL_DEATHS', 'A', 5),
      dv('LIVE_BIRTHS', 'A', 4),
    ]);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({
      rule: 'numerator_exceeds_denominator',
      severity: 'error',
      unit: 'A',
      period: '2025',
      measure: 'I05_FULL_IMMUNISATION_U1',
      elements: ['CHILDREN_U1_FULLY_IMMUNISED', 'CHILDREN_U1'],
    });
    expect(v[0]?.message.vi).toContain('tử số 1001 lớn hơn mẫu số 1000');
    // equal is fine: 100 %
    expect(run([dv('CHILDREN_U1_FULLY_IMMUNISED', 'A', 1000), dv('CHILDREN_U1', 'A', 1000)])).toEqual([]);
  });

  it('compares a share after summing the parts', () => {
    // 600 + 500 = 1,100 immunised > 1,000 children under 1
    const v = rules([
      dv('CHILDREN_U1_FULLY_IMMUNISED', 'A', 600, '2025', { sex: 'male' }),
      dv('CHILDREN_U1_FULLY_IMMUNISED', 'A', 500, '2025', { sex: 'female' }),
      dv('CHILDREN_U1', 'A', 1000),
    ]);
    expect(v).toEqual(['A numerator_exceeds_denominator CHILDREN_U1_FULLY_IMMUNISED/CHILDREN_U1']);
  });

  it('refuses negative and fractional counts and unknown elements', () => {
    expect(rules([dv('LIVE_BIRTHS', 'A', -3), dv('LIVE_BIRTHS', 'B', 2.5), dv('NO_SUCH', 'C', 1)])).toEqual([
      'A negative_count LIVE_BIRTHS',
      'B not_a_count LIVE_BIRTHS',
      'C unknown_element NO_SUCH',
    ]);
    expect(run([dv('LIVE_BIRTHS', 'A', -3)])[0]?.severity).toBe('error');
  });

  it('refuses a count above 10^12 as not a count', () => {
    expect(rules([dv('LIVE_BIRTHS', 'A', 1e12), dv('LIVE_BIRTHS', 'B', 1e12 + 1), dv('LIVE_BIRTHS', 'C', 1e308)])).toEqual([
      'B not_a_count LIVE_BIRTHS',
      'C not_a_count LIVE_BIRTHS',
    ]);
    expect(run([dv('LIVE_BIRTHS', 'B', 1e13)])[0]?.message.en).toBe(
      'LIVE_BIRTHS: 10000000000000 is above the largest count (1000000000000)',
    );
  });

  it('refuses a disaggregation that is not the element’s categories or uses an unknown option', () => {
    expect(
      rules([
        dv('LIVE_BIRTHS', 'A', 3, '2025', { area: 'urban' }), // births are by sex only
        dv('LIVE_BIRTHS', 'B', 3, '2025', { sex: 'other' }),
        dv('HIV_EXPOSED_INFANTS', 'C', 3, '2025', { sex: 'male' }), // totals only
        dv('CHILDREN_INJURED', 'D', 3, '2025', { sex: 'male' }), // needs sex × age group
        dv('CHILDREN_INJURED', 'E', 3, '2025', { age_group: 'u6', sex: 'male' }),
      ]),
    ).toEqual([
      'A invalid_disaggregation LIVE_BIRTHS',
      'B invalid_disaggregation LIVE_BIRTHS',
      'C invalid_disaggregation HIV_EXPOSED_INFANTS',
      'D invalid_disaggregation CHILDREN_INJURED',
    ]);
  });

  it('warns when a total disagrees with its parts', () => {
    const v = run([
      dv('LIVE_BIRTHS', 'A', 1000),
      dv('LIVE_BIRTHS', 'A', 500, '2025', { sex: 'male' }),
      dv('LIVE_BIRTHS', 'A', 480, '2025', { sex: 'female' }),
    ]);
    expect(v).toEqual([
      expect.objectContaining({ rule: 'disaggregation_mismatch', severity: 'warning', elements: ['LIVE_BIRTHS'] }),
    ]);
    // 500 + 500 = 1,000: agrees
    expect(
      run([
        dv('LIVE_BIRTHS', 'A', 1000),
        dv('LIVE_BIRTHS', 'A', 500, '2025', { sex: 'male' }),
        dv('LIVE_BIRTHS', 'A', 500, '2025', { sex: 'female' }),
      ]),
    ).toEqual([]);
  });

  it('lists required elements missing for each expected unit, a zero being present', () => {
    const v = rules([dv('NEONATAL_DEATHS', 'A', 0), dv('LIVE_BIRTHS', 'A', 300), dv('LIVE_BIRTHS', 'B', 200)], {
      units: ['A', 'B', 'C'],
      required: ['NEONATAL_DEATHS', 'LIVE_BIRTHS'],
    });
    expect(v).toEqual([
      'B required_missing NEONATAL_DEATHS',
      'C required_missing LIVE_BIRTHS',
      'C required_missing NEONATAL_DEATHS',
    ]);
  });

  it('flags jumps beyond ×3 or ÷3 against the previous period as warnings, boundary excluded', () => {
    const prev = (unit: string, value: number) => dv('CHILDREN_INJURED', unit, value, '2024');
    const cur = (unit: string, value: number) => dv('CHILDREN_INJURED', unit, value, '2025');
    const v = run([
      prev('A', 30),
      cur('A', 90), // 90 / 30 = 3: not beyond
      prev('B', 30),
      cur('B', 91), // 91 / 30 = 3.03: beyond
      prev('C', 30),
      cur('C', 10), // 10 / 30 = 1/3: not beyond
      prev('D', 30),
      cur('D', 9), // 9 / 30 = 0.3 < 1/3: beyond
      prev('E', 2),
      cur('E', 7), // both under the minimum of 10: not judged
      prev('F', 0),
      cur('F', 12), // from nothing to 12: beyond
      cur('G', 500), // no previous figure: nothing to compare
    ]);
    expect(v.map((x) => `${x.unit} ${x.rule} ${x.severity}`)).toEqual([
      'B outlier warning',
      'D outlier warning',
      'F outlier warning',
    ]);
    expect(v[0]?.message.en).toBe('CHILDREN_INJURED: 30 (2024) → 91, a change beyond ×3; please review');
  });

  it('uses the previous period of the same type and a configurable factor', () => {
    // 2025S1's previous period is 2024S2; 20 → 50 is ×2.5: an outlier at factor 2, not at 3
    const values = [
      dv('CHILDREN_INJURED', 'A', 20, '2024S2'),
      dv('CHILDREN_INJURED', 'A', 50, '2025S1'),
      dv('CHILDREN_INJURED', 'A', 1, '2024S1'),
    ];
    expect(validateValues({ index, values, period: '2025S1' })).toEqual([]);
    expect(validateValues({ index, values, period: '2025S1', outlierFactor: 2 }).map((v) => v.rule)).toEqual(['outlier']);
  });
});
