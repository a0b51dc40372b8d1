import type { Indicator } from './catalogue-schema.ts';

/**
 * A local indicator for tests (core's rules and the server's routes): L01, drownings per 100,000
 * children, over a new element CHILDREN_DROWNED and the national CHILDREN_TOTAL.
 */
export const localMeasure = (patch: Partial<Indicator['measures'][number]> = {}): Indicator['measures'][number] => ({
  code: 'L01_DROWNING_RATE',
  name: { vi: 'Tỷ suất trẻ em bị đuối nước trên 100.000 trẻ em', en: 'Child drownings per 100,000 children' },
  numerator: 'CHILDREN_DROWNED',
  denominator: 'CHILDREN_TOTAL',
  factor: 100000,
  unit: 'per100000',
  direction: 'lower',
  agency: 'Sở Y tế',
  nationalTargets: [],
  ...patch,
});

export const DROWNED = {
  code: 'CHILDREN_DROWNED',
  name: { vi: 'Số trẻ em bị đuối nước', en: 'Children drowned' },
  valueType: 'count' as const,
  categories: ['sex'],
};

export const drowning = (patch: { indicator?: Partial<Indicator>; measure?: Partial<Indicator['measures'][number]> } = {}) => ({
  indicator: {
    code: 'L01',
    no: 25,
    goal: 2,
    name: { vi: 'Tỷ suất trẻ em bị đuối nước', en: 'Child drowning rate' },
    measures: [localMeasure(patch.measure)],
    ...patch.indicator,
  },
  dataElements: [DROWNED],
});
