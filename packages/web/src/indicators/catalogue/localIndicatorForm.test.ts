import { UNIT_FACTOR as CORE_UNIT_FACTOR, CatalogueSchema } from '@tre/core/indicators/catalogue-schema';
import { NATIONAL_CATALOGUE } from '@tre/core/indicators/catalogue';
import type { CatalogueReply } from '@tre/core/indicators/indicator-api';
import { describe, expect, it } from 'vitest';
import {
  UNIT_FACTOR,
  buildLocalIndicatorRequest,
  emptyForm,
  emptyMeasure,
  formFieldOf,
  normaliseCode,
  type LocalIndicatorForm,
} from './localIndicatorForm.ts';

const catalogue: CatalogueReply = {
  goals: NATIONAL_CATALOGUE.goals,
  categories: NATIONAL_CATALOGUE.categories,
  dataElements: NATIONAL_CATALOGUE.dataElements.map((e) => ({ ...e, origin: 'national' as const })),
  indicators: NATIONAL_CATALOGUE.indicators.map((i) => ({ ...i, origin: 'national' as const })),
};

/** "Children who can swim": a new numerator over the existing count of children 7–15. */
/** Measure i of a form, or a failing test that names it. */
function measureOf(form: LocalIndicatorForm, i: number): LocalIndicatorForm['measures'][number] {
  const measure = form.measures[i];
  if (!measure) throw new Error(`the form has no measure ${i}`);
  return measure;
}

const swim = (): LocalIndicatorForm => ({
  code: 'tre em biet boi',
  no: 25,
  goal: 3,
  nameVi: 'Tỷ lệ trẻ em biết bơi',
  nameEn: '',
  measures: [
    {
      code: 'SWIM_RATE',
      nameVi: 'Tỷ lệ trẻ em từ 7 đến dưới 16 tuổi biết bơi',
      nameEn: 'Share of children 7–15 who can swim',
      numerator: {
        mode: 'new',
        code: 'CHILDREN_7_15_CAN_SWIM',
        nameVi: 'Số trẻ em 7–15 tuổi biết bơi',
        nameEn: '',
        categories: ['sex'],
      },
      denominator: { mode: 'existing', code: 'CHILDREN_7_15' },
      unit: '%',
      direction: 'higher',
      agency: 'Sở Văn hóa, Thể thao và Du lịch',
    },
  ],
});

describe('building a local indicator request', () => {
  it('keeps the core factor table', () => {
    expect(UNIT_FACTOR).toEqual(CORE_UNIT_FACTOR);
  });

  it('builds the catalogue form: codes upper snake case, factor from the unit, English names default to Vietnamese', () => {
    const { request, errors, elementOrigins } = buildLocalIndicatorRequest(swim(), catalogue);
    expect(errors).toEqual({});
    expect(request).toEqual({
      indicator: {
        code: 'TRE_EM_BIET_BOI',
        no: 25,
        goal: 3,
        name: { vi: 'Tỷ lệ trẻ em biết bơi', en: 'Tỷ lệ trẻ em biết bơi' },
        measures: [
          {
            code: 'SWIM_RATE',
            name: { vi: 'Tỷ lệ trẻ em từ 7 đến dưới 16 tuổi biết bơi', en: 'Share of children 7–15 who can swim' },
            numerator: 'CHILDREN_7_15_CAN_SWIM',
            denominator: 'CHILDREN_7_15',
            factor: 100,
            unit: '%',
            direction: 'higher',
            agency: 'Sở Văn hóa, Thể thao và Du lịch',
            nationalTargets: [],
          },
        ],
      },
      dataElements: [
        {
          code: 'CHILDREN_7_15_CAN_SWIM',
          name: { vi: 'Số trẻ em 7–15 tuổi biết bơi', en: 'Số trẻ em 7–15 tuổi biết bơi' },
          valueType: 'count',
          categories: ['sex'],
        },
      ],
    });
    expect(elementOrigins).toEqual([{ measure: 0, side: 'numerator' }]);
  });

  it('produces a request the catalogue schema accepts once appended to the national catalogue', () => {
    const { request } = buildLocalIndicatorRequest(swim(), catalogue);
    if (!request) throw new Error('no request');
    const merged = {
      ...NATIONAL_CATALOGUE,
      dataElements: [...NATIONAL_CATALOGUE.dataElements, ...request.dataElements],
      indicators: [...NATIONAL_CATALOGUE.indicators, request.indicator],
    };
    expect(CatalogueSchema.safeParse(merged).success).toBe(true);
  });

  it('sets the factor of per 1,000 and per 100,000 measures; no number is null', () => {
    const form = swim();
    form.no = '';
    form.measures[0] = { ...measureOf(form, 0), unit: 'per100000', direction: 'lower' };
    const { request } = buildLocalIndicatorRequest(form, catalogue);
    expect(request?.indicator.no).toBeNull();
    expect(request?.indicator.measures[0]).toMatchObject({ unit: 'per100000', factor: 100000, direction: 'lower' });
  });

  it('names every missing or malformed field of an empty form', () => {
    const { request, errors } = buildLocalIndicatorRequest(emptyForm(), catalogue);
    expect(request).toBeNull();
    expect(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.key]))).toEqual({
      code: 'localErrRequired',
      nameVi: 'localErrRequired',
      'measures.0.code': 'localErrRequired',
      'measures.0.nameVi': 'localErrRequired',
      'measures.0.numerator': 'localErrChooseElement',
      'measures.0.denominator': 'localErrChooseElement',
      'measures.0.agency': 'localErrChooseAgency',
    });
  });

  it('refuses codes already in the catalogue, bad codes, a bad number and no measure', () => {
    const form = swim();
    form.no = 0;
    form.measures[0] = { ...measureOf(form, 0), code: '1ABC' };
    form.measures[0].numerator = { mode: 'new', code: 'LIVE_BIRTHS', nameVi: 'x', nameEn: '', categories: [] };
    const taken = NATIONAL_CATALOGUE.indicators[2]?.code ?? '';
    form.code = taken;
    const { errors } = buildLocalIndicatorRequest(form, catalogue);
    expect(errors.code).toEqual({ key: 'localErrCodeTaken', params: { code: taken } });
    expect(errors.no?.key).toBe('localErrNumber');
    expect(errors['measures.0.code']?.key).toBe('localErrCodeFormat');
    expect(errors['measures.0.numerator.code']).toEqual({ key: 'localErrElementExists', params: { code: 'LIVE_BIRTHS' } });

    expect(buildLocalIndicatorRequest({ ...swim(), no: 3 }, catalogue).errors.no).toEqual({
      key: 'localErrNumberTaken',
      params: { no: 3, code: NATIONAL_CATALOGUE.indicators.find((i) => i.no === 3)?.code },
    });

    const none = { ...swim(), measures: [] };
    expect(buildLocalIndicatorRequest(none, catalogue).errors.measures?.key).toBe('localErrNoMeasure');
  });

  it('refuses a measure code used twice, an existing measure code, and the same numerator and denominator', () => {
    const form = swim();
    const existingMeasure = NATIONAL_CATALOGUE.indicators[0]?.measures[0]?.code ?? '';
    form.measures.push({ ...measureOf(form, 0), code: 'SWIM_RATE' });
    form.measures.push({
      ...emptyMeasure(),
      code: existingMeasure,
      nameVi: 'y',
      agency: 'Sở Y tế',
      numerator: { mode: 'existing', code: 'CHILDREN_TOTAL' },
      denominator: { mode: 'existing', code: 'CHILDREN_TOTAL' },
    });
    const { errors } = buildLocalIndicatorRequest(form, catalogue);
    expect(errors['measures.1.code']).toEqual({ key: 'localErrCodeTwice', params: { code: 'SWIM_RATE' } });
    expect(errors['measures.2.code']?.key).toBe('localErrCodeTaken');
    expect(errors['measures.2.denominator']?.key).toBe('localErrSameElement');
  });

  it('sends a new element shared by two measures once; a second definition that differs is refused', () => {
    const form = swim();
    const shared = { mode: 'new' as const, code: 'POOLS', nameVi: 'Số bể bơi', nameEn: 'Pools', categories: [] };
    form.measures[0] = { ...measureOf(form, 0), denominator: shared };
    form.measures.push({
      ...emptyMeasure(),
      code: 'POOL_RATE',
      nameVi: 'Bể bơi trên 100.000 trẻ em',
      agency: 'Sở Y tế',
      unit: 'per100000',
      numerator: { mode: 'existing', code: 'POOLS' },
      denominator: { mode: 'existing', code: 'CHILDREN_TOTAL' },
    });
    const ok = buildLocalIndicatorRequest(form, catalogue);
    expect(ok.errors).toEqual({});
    expect(ok.request?.dataElements.map((e) => e.code)).toEqual(['CHILDREN_7_15_CAN_SWIM', 'POOLS']);
    expect(ok.elementOrigins).toEqual([
      { measure: 0, side: 'numerator' },
      { measure: 0, side: 'denominator' },
    ]);

    form.measures[1] = { ...measureOf(form, 1), numerator: { ...shared, nameVi: 'Số hồ bơi' } };
    expect(buildLocalIndicatorRequest(form, catalogue).errors['measures.1.numerator.code']).toEqual({
      key: 'localErrElementTwice',
      params: { code: 'POOLS' },
    });
  });

  it('refuses an "existing" element that is neither in the catalogue nor new in the form', () => {
    const form = swim();
    form.measures[0] = { ...measureOf(form, 0), denominator: { mode: 'existing', code: 'NOWHERE' } };
    expect(buildLocalIndicatorRequest(form, catalogue).errors['measures.0.denominator']?.key).toBe('localErrChooseElement');
  });

  it('normalises typed codes', () => {
    expect(normaliseCode('  tre-em biet  boi ')).toBe('TRE_EM_BIET_BOI');
  });
});

describe('placing a server error on the form', () => {
  const origins = [
    { measure: 0, side: 'numerator' as const },
    { measure: 1, side: 'denominator' as const },
  ];
  it('maps indicator, measure and new-element fields', () => {
    expect(formFieldOf('indicator.code', origins)).toBe('code');
    expect(formFieldOf('indicator.no', origins)).toBe('no');
    expect(formFieldOf('indicator.name.vi', origins)).toBe('nameVi');
    expect(formFieldOf('indicator.name.en', origins)).toBe('nameEn');
    expect(formFieldOf('indicator.measures.1.numerator', origins)).toBe('measures.1.numerator');
    expect(formFieldOf('indicator.measures.0.name.vi', origins)).toBe('measures.0.nameVi');
    expect(formFieldOf('indicator.measures.0.factor', origins)).toBe('measures.0.unit');
    expect(formFieldOf('indicator.measures.0', origins)).toBe('measures.0.code');
    expect(formFieldOf('indicator.measures', origins)).toBe('measures');
    expect(formFieldOf('dataElements.1.code', origins)).toBe('measures.1.denominator.code');
    expect(formFieldOf('dataElements.0.name.en', origins)).toBe('measures.0.numerator.nameEn');
    expect(formFieldOf('dataElements.0.categories.1', origins)).toBe('measures.0.numerator.categories');
  });

  it('names nothing for fields it does not know', () => {
    expect(formFieldOf(undefined, origins)).toBeNull();
    expect(formFieldOf('dataElements.5.code', origins)).toBeNull();
    expect(formFieldOf('query.x', origins)).toBeNull();
  });
});
