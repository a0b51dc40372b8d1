import { describe, expect, it } from 'vitest';
import { aggregateByUnit, aggregateMeasure, aggregateMeasures, combineAggregates, type AggregableMeasure } from './aggregate.ts';
import { resolveTotals, valueKey, type DataValue } from './values.ts';

const NEONATAL: AggregableMeasure = {
  code: 'I03_NEONATAL_MORTALITY',
  numerator: 'NEONATAL_DEATHS',
  denominator: 'LIVE_BIRTHS',
  factor: 1000,
};
const INJURY: AggregableMeasure = {
  code: 'I11_INJURY_RATE',
  numerator: 'CHILDREN_INJURED',
  denominator: 'CHILDREN_TOTAL',
  factor: 100000,
};
const IMMUNISED: AggregableMeasure = {
  code: 'I05_FULL_IMMUNISATION_U1',
  numerator: 'CHILDREN_U1_FULLY_IMMUNISED',
  denominator: 'CHILDREN_U1',
  factor: 100,
};

const P = '2025';
const dv = (element: string, unit: string, value: number, disaggregation?: Record<string, string>, period = P): DataValue => ({
  element,
  unit,
  period,
  value,
  ...(disaggregation ? { disaggregation } : {}),
});
const births = (unit: string, deaths: number, live: number) => [
  dv('NEONATAL_DEATHS', unit, deaths),
  dv('LIVE_BIRTHS', unit, live),
];

describe('aggregating a measure over units', () => {
  // A: 3 deaths / 400 births, B: 1 / 100, C: 6 / 1,500, D: nothing.
  const values = [...births('A', 3, 400), ...births('B', 1, 100), ...births('C', 6, 1500)];

  it('sums numerators and denominators, never averages rates, and counts the missing unit', () => {
    const [r] = aggregateMeasures([NEONATAL], values, { period: P, units: ['A', 'B', 'C', 'D'] });
    // (3 + 1 + 6) / (400 + 100 + 1500) × 1000 = 10 / 2000 × 1000 = 5
    expect(r).toMatchObject({
      numerator: 10,
      denominator: 2000,
      value: 5,
      unitsExpected: 4,
      unitsReported: 3,
      missingUnits: ['D'],
    });
    // completeness 3 / 4
    expect(r?.completeness).toBe(0.75);
    // the mean of the rates 7.5, 10 and 4 would be 7.1667: not what we compute
    expect(r?.value).not.toBeCloseTo((7.5 + 10 + 4) / 3);
  });

  it('leaves out a unit that reported only one of the two elements, and calls it missing', () => {
    const totals = resolveTotals([...values, dv('LIVE_BIRTHS', 'E', 200)]);
    const r = aggregateMeasure(NEONATAL, totals, { period: P, units: ['A', 'E'] });
    // only A: 3 / 400 × 1000 = 7.5; E's 200 births are not added to the denominator
    expect(r).toMatchObject({
      numerator: 3,
      denominator: 400,
      value: 7.5,
      unitsReported: 1,
      missingUnits: ['E'],
      completeness: 0.5,
    });
  });

  it('gives no value when nobody reported or the denominator is zero, but zero deaths are a value', () => {
    const totals = resolveTotals([...births('F', 0, 0), ...births('G', 0, 250)]);
    expect(aggregateMeasure(NEONATAL, totals, { period: P, units: ['X', 'Y'] })).toMatchObject({ value: null, completeness: 0 });
    // F reported 0 / 0: reported (completeness 1) but no rate
    expect(aggregateMeasure(NEONATAL, totals, { period: P, units: ['F'] })).toMatchObject({ value: null, completeness: 1 });
    // G reported 0 / 250 = 0 per 1,000: a real zero
    expect(aggregateMeasure(NEONATAL, totals, { period: P, units: ['G'] })).toMatchObject({ value: 0, completeness: 1 });
    expect(aggregateMeasure(NEONATAL, totals, { period: P, units: [] }).completeness).toBeNull();
  });

  it('uses the factor of the unit: per 100,000 and %', () => {
    const values2 = [
      dv('CHILDREN_INJURED', 'A', 33),
      dv('CHILDREN_TOTAL', 'A', 12000),
      dv('CHILDREN_INJURED', 'B', 22),
      dv('CHILDREN_TOTAL', 'B', 10000),
      dv('CHILDREN_U1_FULLY_IMMUNISED', 'A', 970),
      dv('CHILDREN_U1', 'A', 1000),
    ];
    const [injuryA, injuryAB, imm] = [
      ...aggregateMeasures([INJURY], values2, { period: P, units: ['A'] }),
      ...aggregateMeasures([INJURY, IMMUNISED], values2, { period: P, units: ['A', 'B'] }),
    ];
    // 33 / 12,000 × 100,000 = 275
    expect(injuryA?.value).toBeCloseTo(275, 10);
    // (33 + 22) / (12,000 + 10,000) × 100,000 = 55 / 22,000 × 100,000 = 250
    expect(injuryAB?.value).toBeCloseTo(250, 10);
    // 970 / 1,000 × 100 = 97; B did not report immunisation: 1 of 2
    expect(imm).toMatchObject({ value: 97, completeness: 0.5, missingUnits: ['B'] });
  });

  it('ignores other periods and duplicate units in the expected list', () => {
    const totals = resolveTotals([...values, ...births('A', 50, 100).map((v) => ({ ...v, period: '2024' }))]);
    const r = aggregateMeasure(NEONATAL, totals, { period: P, units: ['A', 'A'] });
    // 3 / 400 × 1000 = 7.5, A counted once
    expect(r).toMatchObject({ value: 7.5, unitsExpected: 1, unitsReported: 1 });
  });
});

describe('disaggregations', () => {
  it('sums parts into the total when only parts are given', () => {
    const totals = resolveTotals([
      dv('NEONATAL_DEATHS', 'G', 2, { sex: 'male' }),
      dv('NEONATAL_DEATHS', 'G', 1, { sex: 'female' }),
      dv('LIVE_BIRTHS', 'G', 600),
    ]);
    expect(totals.get(valueKey('NEONATAL_DEATHS', 'G', P))).toMatchObject({
      value: 3,
      source: 'parts',
      partsSum: 3,
      partsCount: 2,
    });
    // (2 + 1) / 600 × 1000 = 5
    expect(aggregateMeasure(NEONATAL, totals, { period: P, units: ['G'] }).value).toBe(5);
  });

  it('sums two-category parts (sex × age group)', () => {
    const totals = resolveTotals([
      dv('CHILDREN_INJURED', 'H', 4, { sex: 'male', age_group: 'u6' }),
      dv('CHILDREN_INJURED', 'H', 5, { sex: 'male', age_group: '6_11' }),
      dv('CHILDREN_INJURED', 'H', 1, { sex: 'female', age_group: 'u6' }),
      dv('CHILDREN_TOTAL', 'H', 5000),
    ]);
    // (4 + 5 + 1) / 5,000 × 100,000 = 200
    expect(aggregateMeasure(INJURY, totals, { period: P, units: ['H'] }).value).toBeCloseTo(200, 10);
  });

  it('lets an explicit total win over its parts (the mismatch is left to validation)', () => {
    const totals = resolveTotals([
      dv('LIVE_BIRTHS', 'H', 1000),
      dv('LIVE_BIRTHS', 'H', 500, { sex: 'male' }),
      dv('LIVE_BIRTHS', 'H', 480, { sex: 'female' }),
      dv('NEONATAL_DEATHS', 'H', 4, { sex: 'male' }),
      dv('NEONATAL_DEATHS', 'H', 6, { sex: 'female' }),
    ]);
    expect(totals.get(valueKey('LIVE_BIRTHS', 'H', P))).toMatchObject({ value: 1000, source: 'total', partsSum: 980 });
    // (4 + 6) / 1000 × 1000 = 10, not 10 / 980 × 1000 = 10.204
    expect(aggregateMeasure(NEONATAL, totals, { period: P, units: ['H'] }).value).toBe(10);
  });

  it('lets a later row replace an earlier one with the same key, whatever the property order', () => {
    const totals = resolveTotals([
      dv('CHILDREN_INJURED', 'H', 4, { sex: 'male', age_group: 'u6' }),
      dv('CHILDREN_INJURED', 'H', 7, { age_group: 'u6', sex: 'male' }),
      dv('CHILDREN_TOTAL', 'H', 100),
      dv('CHILDREN_TOTAL', 'H', 120),
    ]);
    expect(totals.get(valueKey('CHILDREN_INJURED', 'H', P))?.value).toBe(7);
    expect(totals.get(valueKey('CHILDREN_TOTAL', 'H', P))?.value).toBe(120);
  });
});

describe('totals agree from any level', () => {
  // Ten communes c0..c9: commune i has i deaths and 100 × (i + 1) births; c9 has not reported.
  const units = Array.from({ length: 10 }, (_, i) => `c${i}`);
  const values = units.slice(0, 9).flatMap((u, i) => births(u, i, 100 * (i + 1)));
  const totals = resolveTotals(values);

  it('province from communes: (0 + … + 8) / 100 × (1 + … + 9) × 1000 = 36 / 4,500 × 1000 = 8', () => {
    const r = aggregateMeasure(NEONATAL, totals, { period: P, units });
    expect(r).toMatchObject({
      numerator: 36,
      denominator: 4500,
      value: 8,
      unitsReported: 9,
      unitsExpected: 10,
      completeness: 0.9,
    });
  });

  it('equals the province from two halves of the communes, and from each commune combined', () => {
    const whole = aggregateMeasure(NEONATAL, totals, { period: P, units });
    const halves = combineAggregates(
      aggregateMeasure(NEONATAL, totals, { period: P, units: units.slice(0, 5) }),
      aggregateMeasure(NEONATAL, totals, { period: P, units: units.slice(5) }),
    );
    expect(halves).toEqual(whole);
    const perUnit = aggregateByUnit(NEONATAL, totals, { period: P, units });
    expect(perUnit).toHaveLength(10);
    // commune c4: 4 / 500 × 1000 = 8; c9: missing
    expect(perUnit[4]).toMatchObject({ value: 8, completeness: 1 });
    expect(perUnit[9]).toMatchObject({ value: null, completeness: 0, missingUnits: ['c9'] });
    const rebuilt = perUnit.slice(1).reduce(combineAggregates, perUnit[0] ?? whole);
    expect(rebuilt).toEqual(whole);
  });

  it('refuses to combine different measures or periods', () => {
    const a = aggregateMeasure(NEONATAL, totals, { period: P, units });
    expect(() => combineAggregates(a, { ...a, period: '2024' })).toThrow();
  });
});

describe('aggregates stay finite', () => {
  it('keeps the sum of 3,321 communes at the largest count exact (below 2^53)', () => {
    const units = Array.from({ length: 3321 }, (_, i) => `C${i}`);
    const values = units.flatMap((u) => births(u, 1e12, 1e12));
    const a = aggregateMeasure(NEONATAL, resolveTotals(values), { period: P, units });
    expect(a.numerator).toBe(3321e12);
    expect(a.numerator).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(a.value).toBe(1000);
  });

  it('gives no value rather than Infinity should an out-of-bounds figure ever be summed', () => {
    const a = aggregateMeasure(NEONATAL, resolveTotals(births('A', 1e308, 1)), { period: P, units: ['A'] });
    expect(a.value).toBeNull();
  });
});
