import type { DataElement, Indicator } from '@tre/core';
import type { LocalIndicatorRows } from './repository.ts';

/**
 * Catalogue entries as table rows, one mapping for the national catalogue written at bootstrap
 * (store.ts) and for a local indicator an administrator adds (local-indicators.ts).
 */
type Origin = 'national' | 'local';
type Rows = LocalIndicatorRows;

export const elementRow = (e: DataElement, position: number, origin: Origin): Rows['elements'][number] => ({
  code: e.code,
  position,
  name_vi: e.name.vi,
  name_en: e.name.en,
  categories: e.categories,
  origin,
});

export const indicatorRow = (i: Indicator, origin: Origin): Rows['indicator'] => ({
  code: i.code,
  no: i.no,
  goal: i.goal,
  name_vi: i.name.vi,
  name_en: i.name.en,
  origin,
});

type Measure = Indicator['measures'][number];

export const measureRow = (indicator: string, m: Measure, position: number, origin: Origin): Rows['measures'][number] => ({
  code: m.code,
  indicator_code: indicator,
  position,
  name_vi: m.name.vi,
  name_en: m.name.en,
  numerator: m.numerator,
  denominator: m.denominator,
  factor: m.factor,
  unit: m.unit,
  direction: m.direction,
  agency: m.agency,
  origin,
});

export const nationalTargetRows = (m: Measure): Rows['targets'] =>
  m.nationalTargets.map((t) => ({ measure_code: m.code, year: t.year, op: t.op, value: t.value, cross_checked: t.crossChecked }));
