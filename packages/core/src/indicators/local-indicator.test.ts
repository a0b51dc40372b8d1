import { describe, expect, it } from 'vitest';
import { NATIONAL_CATALOGUE } from './catalogue.ts';
import type { Indicator } from './catalogue-schema.ts';
import type { CatalogueReply, LocalIndicatorRequest } from './indicator-api.ts';
import { localIndicatorProblem, localIndicatorShapeProblem } from './local-indicator.ts';
import { DROWNED, drowning, localMeasure as measure } from './local-indicator.fixture.ts';

/** The national catalogue as the server stores and replies it. */
const stored: CatalogueReply = {
  goals: NATIONAL_CATALOGUE.goals,
  categories: NATIONAL_CATALOGUE.categories,
  dataElements: NATIONAL_CATALOGUE.dataElements.map((e) => ({ ...e, origin: 'national' as const })),
  indicators: NATIONAL_CATALOGUE.indicators.map((i) => ({ ...i, origin: 'national' as const })),
};

const request = (indicator: Partial<Indicator> = {}, dataElements = [DROWNED]): LocalIndicatorRequest => ({
  ...drowning({ indicator }),
  dataElements,
});

describe('a local indicator joining the stored catalogue', () => {
  it('is accepted when its codes and number are free and the merged catalogue is valid', () => {
    expect(localIndicatorProblem(request(), stored)).toBeNull();
  });

  it('refuses fields that have no column, and new elements no measure uses, before any catalogue is read', () => {
    expect(
      localIndicatorShapeProblem(request({ measures: [measure({ nationalTargetNote: { vi: 'x', en: 'x' } })] })),
    ).toMatchObject({
      kind: 'invalid',
      field: 'indicator.measures.0.nationalTargetNote',
    });
    const swim = { ...DROWNED, code: 'CHILDREN_SWIMMING' };
    expect(localIndicatorShapeProblem(request({}, [DROWNED, swim]))).toMatchObject({
      kind: 'invalid',
      field: 'dataElements.1.code',
    });
  });

  it('names the clashing field as a conflict: indicator code, number, measure code, element code', () => {
    expect(localIndicatorProblem(request({ code: 'I01' }), stored)).toMatchObject({ kind: 'conflict', field: 'indicator.code' });
    expect(localIndicatorProblem(request({ no: 3 }), stored)).toMatchObject({ kind: 'conflict', field: 'indicator.no' });
    const taken = stored.indicators[0]?.measures[0]?.code ?? '';
    expect(localIndicatorProblem(request({ measures: [measure({ code: taken })] }), stored)).toMatchObject({
      kind: 'conflict',
      field: 'indicator.measures.0.code',
    });
    const total = { ...DROWNED, code: 'CHILDREN_TOTAL' };
    const both = request({ measures: [measure({ numerator: 'CHILDREN_TOTAL' })] }, [total]);
    expect(localIndicatorProblem(both, stored)).toMatchObject({ kind: 'conflict', field: 'dataElements.0.code' });
  });

  it("points a schema issue of the merged catalogue at the request's own field, in both languages", () => {
    const problem = localIndicatorProblem(request({}, [{ ...DROWNED, categories: ['colour'] }]), stored);
    expect(problem).toMatchObject({ kind: 'invalid', field: 'dataElements.0.categories.0' });
    expect(problem?.vi).not.toBe('');
    expect(problem?.en).not.toBe('');
  });
});
