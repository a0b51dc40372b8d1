import type { PlanMeasureTargetsDto } from '@tre/core/indicators/indicator-api';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, firstTargetYear, initialDraft, localDate, requestOf } from './baselineForm.ts';

const target = (id: string, year: number, value: number): PlanMeasureTargetsDto['targets'][number] => ({
  id,
  indicatorNo: 1,
  year,
  value,
  unit: '%',
  op: '>=',
  writtenOp: '>=',
  opSource: 'stated',
  chosen: false,
  relative: null,
  measureText: null,
  opWord: 'đạt',
  text: null,
});

const entry = (over: Partial<PlanMeasureTargetsDto> = {}): PlanMeasureTargetsDto => ({
  measure: 'I01_CHILD_FRIENDLY_COMMUNES',
  indicator: 'I01',
  indicatorNo: 1,
  name: { vi: 'Tỷ lệ xã, phường phù hợp với trẻ em', en: 'Child-friendly communes' },
  unit: '%',
  direction: 'higher',
  targets: [target('0.1', 2030, 95), target('0.0', 2025, 90)],
  baseline: null,
  suggestion: { year: 2024, value: 88 },
  ...over,
});

describe('the baseline form', () => {
  it('starts from the stored baseline, or empty — the suggestion is only offered', () => {
    expect(initialDraft(entry())).toEqual({ year: null, value: null });
    expect(
      initialDraft(entry({ baseline: { year: 2020, value: 85, setBy: 'Chị Lan', setAt: '2026-01-05T03:00:00.000Z' } })),
    ).toEqual({ year: 2020, value: 85 });
  });

  it('sends nothing while a field is empty', () => {
    expect(requestOf({ year: 2020, value: null })).toBeNull();
    expect(requestOf({ year: null, value: 80 })).toBeNull();
    expect(requestOf({ year: 2020, value: 0 })).toEqual({ year: 2020, value: 0 });
  });

  it('knows the first target year whatever the order of the targets', () => {
    expect(firstTargetYear(entry())).toBe(2025);
    expect(firstTargetYear(entry({ targets: [] }))).toBeNull();
  });

  it('shows a server error on the field it names, else on the form', () => {
    expect(fieldErrorsOf('year', 'Năm gốc phải trước 2025')).toEqual({ year: 'Năm gốc phải trước 2025' });
    expect(fieldErrorsOf('value', 'Không được âm')).toEqual({ value: 'Không được âm' });
    expect(fieldErrorsOf(undefined, 'Không tìm thấy')).toEqual({ form: 'Không tìm thấy' });
    expect(fieldErrorsOf('params.measure', 'x')).toEqual({ form: 'x' });
  });

  it('writes a date as dd/mm/yyyy, and leaves an unreadable one as it is', () => {
    const d = new Date(2026, 0, 5, 10, 30);
    expect(localDate(d.toISOString())).toBe('05/01/2026');
    expect(localDate('not a date')).toBe('not a date');
  });
});
