import type { PlanTargetRefDto } from '@tre/core/indicators/indicator-api';
import { describe, expect, it } from 'vitest';
import { createRequest, draftOf, emptyDraft, missingField, patchRequest } from './targetForm.ts';

const ref = (over: Partial<PlanTargetRefDto> = {}): PlanTargetRefDto => ({
  id: '1.0',
  indicatorNo: 6,
  year: 2030,
  value: 2,
  unit: '%',
  op: null,
  relative: null,
  measureText: null,
  opWord: 'là',
  text: 'Tỷ lệ lây truyền HIV từ mẹ sang con là 2% vào năm 2030',
  ...over,
});

describe('the target form', () => {
  it('starts from the target as the plan wrote it, a missing comparison left to the measure', () => {
    expect(draftOf(ref(), 'I06_HIV_MOTHER_TO_CHILD')).toEqual({
      measure: 'I06_HIV_MOTHER_TO_CHILD',
      year: 2030,
      kind: 'level',
      op: null,
      value: 2,
      change: 'decrease',
      referenceYear: null,
      valueTo: null,
    });
    const relative = draftOf(ref({ relative: { change: 'decrease', reference: 2020, valueTo: null }, value: 100 / 3 }), null);
    expect(relative).toMatchObject({ kind: 'relative', referenceYear: 2020, value: 100 / 3 });
  });

  it('sends only what changed, so a comparison the plan wrote stays the plan’s', () => {
    const before = draftOf(ref(), 'I06_HIV_MOTHER_TO_CHILD');
    expect(patchRequest(before, before)).toEqual({});
    expect(patchRequest(before, { ...before, value: 1.5 })).toEqual({ value: 1.5 });
    expect(patchRequest(before, { ...before, op: '<' })).toEqual({ op: '<' });
    expect(patchRequest(before, { ...before, kind: 'relative', value: 4 })).toEqual({
      value: 4,
      relative: { change: 'decrease', reference: 'previous-year', valueTo: null },
    });
  });

  it('picks a measure for an unmapped target with one field', () => {
    const before = draftOf(ref({ indicatorNo: 3, unit: 'count', op: '<', opWord: 'dưới', value: 9 }), null);
    expect(patchRequest(before, { ...before, measure: 'I03_NEONATAL_MORTALITY' })).toEqual({ measure: 'I03_NEONATAL_MORTALITY' });
  });

  it('adds a target only with a measure, a year and a value', () => {
    const draft = emptyDraft(null, null);
    expect(missingField(draft, true)).toBe('measure');
    expect(createRequest(draft)).toBeNull();
    const full = { ...draft, measure: 'I14_BIRTH_REGISTRATION_U5', year: 2025, value: 98 };
    expect(createRequest(full)).toEqual({
      measure: 'I14_BIRTH_REGISTRATION_U5',
      year: 2025,
      value: 98,
      op: null,
      relative: null,
    });
    expect(createRequest({ ...full, kind: 'relative', referenceYear: 2020, value: 10 })).toMatchObject({
      relative: { change: 'decrease', reference: 2020, valueTo: null },
    });
  });
});
