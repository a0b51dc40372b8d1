import { NATIONAL_CATALOGUE } from '@tre/core/indicators/catalogue';
import { dataSetElements } from '@tre/core/indicators/data-sets';
import { indexCatalogue } from '@tre/core/indicators/catalogue';
import type { CatalogueReply, EntryFormDto } from '@tre/core/indicators/indicator-api';
import { describe, expect, it } from 'vitest';
import {
  cellOfError,
  cellsOf,
  changedValues,
  countFromInput,
  enteredParams,
  formatCountInput,
  markUnreadable,
  readCountInput,
  unreadableCount,
  findingsByElement,
  findingsFor,
  formatDateTime,
  groupElements,
  partCombos,
  partsCheck,
  rowChanged,
  setCell,
  type Violation,
} from './entryState.ts';

const catalogue: CatalogueReply = {
  goals: NATIONAL_CATALOGUE.goals,
  categories: NATIONAL_CATALOGUE.categories,
  dataElements: NATIONAL_CATALOGUE.dataElements.map((e) => ({ ...e, origin: 'national' as const })),
  indicators: NATIONAL_CATALOGUE.indicators.map((i) => ({ ...i, origin: 'national' as const })),
};

const form: EntryFormDto = {
  unit: { kind: 'commune', code: '16681', name: 'Xã A' },
  period: '2025',
  dataSet: 'commune',
  elements: [
    {
      code: 'LIVE_BIRTHS',
      name: { vi: 'Số trẻ đẻ sống', en: 'Live births' },
      categories: ['sex'],
      value: 120,
      parts: [
        { disaggregation: 'sex=male', value: 62 },
        { disaggregation: 'sex=female', value: 58 },
      ],
      enteredBy: 'xa_a',
      enteredAt: '2026-01-05T03:04:00.000Z',
    },
    {
      code: 'NEONATAL_DEATHS',
      name: { vi: 'Số trẻ sơ sinh tử vong', en: 'Neonatal deaths' },
      categories: ['sex'],
      value: null,
      parts: [],
      enteredBy: null,
      enteredAt: null,
    },
    {
      code: 'HIV_EXPOSED_INFANTS',
      name: { vi: 'Số trẻ sinh ra từ mẹ nhiễm HIV', en: 'HIV-exposed infants' },
      categories: [],
      value: 0,
      parts: [],
      enteredBy: 'xa_a',
      enteredAt: '2026-01-05T03:04:00.000Z',
    },
  ],
};

describe('entry cells and what changed', () => {
  it('reads totals and parts as stored, a missing total as null (not 0)', () => {
    const cells = cellsOf(form);
    expect(cells.LIVE_BIRTHS).toEqual({ '': 120, 'sex=male': 62, 'sex=female': 58 });
    expect(cells.NEONATAL_DEATHS).toEqual({ '': null });
    expect(cells.HIV_EXPOSED_INFANTS).toEqual({ '': 0 });
  });

  it('sends nothing when nothing changed, and a value typed back to what it was is no change', () => {
    const original = cellsOf(form);
    expect(changedValues(original, original)).toEqual([]);
    const edited = setCell(setCell(original, 'LIVE_BIRTHS', '', 130), 'LIVE_BIRTHS', '', 120);
    expect(changedValues(original, edited)).toEqual([]);
  });

  it('sends only the changed cells: a new value, a changed part, and a cleared one as null', () => {
    const original = cellsOf(form);
    let cells = setCell(original, 'NEONATAL_DEATHS', '', 2);
    cells = setCell(cells, 'LIVE_BIRTHS', 'sex=female', 59);
    cells = setCell(cells, 'HIV_EXPOSED_INFANTS', '', null);
    cells = setCell(cells, 'NEONATAL_DEATHS', 'sex=male', 1);
    expect(changedValues(original, cells)).toEqual([
      { element: 'LIVE_BIRTHS', disaggregation: 'sex=female', value: 59 },
      { element: 'NEONATAL_DEATHS', value: 2 },
      { element: 'NEONATAL_DEATHS', disaggregation: 'sex=male', value: 1 },
      { element: 'HIV_EXPOSED_INFANTS', value: null },
    ]);
  });

  it('typing 0 where nothing was reported is a change (0 is a figure, empty is not)', () => {
    const original = cellsOf(form);
    expect(changedValues(original, setCell(original, 'NEONATAL_DEATHS', '', 0))).toEqual([
      { element: 'NEONATAL_DEATHS', value: 0 },
    ]);
  });

  it('keeps the identity of untouched rows and of an unchanged cell', () => {
    const original = cellsOf(form);
    const cells = setCell(original, 'NEONATAL_DEATHS', '', 3);
    expect(cells.LIVE_BIRTHS).toBe(original.LIVE_BIRTHS);
    expect(cells.NEONATAL_DEATHS).not.toBe(original.NEONATAL_DEATHS);
    expect(setCell(original, 'LIVE_BIRTHS', '', 120)).toBe(original);
    expect(rowChanged(original.NEONATAL_DEATHS, cells.NEONATAL_DEATHS)).toBe(true);
    expect(rowChanged(original.LIVE_BIRTHS, cells.LIVE_BIRTHS)).toBe(false);
    // an empty part added and left empty is not a change
    expect(rowChanged(original.LIVE_BIRTHS, setCell(original, 'LIVE_BIRTHS', 'sex=x', null).LIVE_BIRTHS)).toBe(false);
  });

  it('reads what a number input gives: empty is null, counts only', () => {
    expect(countFromInput('')).toBeNull();
    expect(countFromInput(0)).toBe(0);
    expect(countFromInput(1234)).toBe(1234);
    expect(countFromInput('1234')).toBe(1234);
    expect(countFromInput(-1)).toBeUndefined();
    expect(countFromInput(2.5)).toBeUndefined();
  });

  it('refuses what it cannot read instead of changing it: 12,5 and -3 give a message, 1.234 is 1234', () => {
    expect(readCountInput('1.234')).toEqual({ value: 1234 });
    expect(readCountInput('1 234')).toEqual({ value: 1234 });
    expect(readCountInput('1,234')).toEqual({ value: 1234 });
    expect(readCountInput('')).toEqual({ value: null });
    expect(readCountInput('  ')).toEqual({ value: null });
    expect(readCountInput('12,5')).toEqual({
      problem: {
        vi: 'số thập phân (12,5) không hợp lệ: số đếm phải là số nguyên',
        en: 'a decimal (12,5) is not valid: a count is a whole number',
      },
    });
    expect(readCountInput('-3')).toEqual({ problem: { vi: 'số âm (-3) không hợp lệ', en: 'negative value (-3)' } });
    for (const text of ['12.5', '+5', '1e3', 'abc', '1.23.456', '1000000000001']) {
      expect(readCountInput(text), text).toHaveProperty('problem');
    }
    // the old reading dropped separators and signs: 12,5 became 125, -3 became 3
    expect(countFromInput('12,5')).toBeUndefined();
    expect(countFromInput('-3')).toBeUndefined();
    expect(countFromInput(-0)).toBeUndefined();
    expect(countFromInput(1e308)).toBeUndefined();
  });

  it('shows a stored count grouped as the language writes it, and reads it back the same', () => {
    expect(formatCountInput(null, 'vi')).toBe('');
    expect(formatCountInput(1234567, 'vi')).toBe('1.234.567');
    expect(formatCountInput(1234567, 'en')).toBe('1,234,567');
    for (const lang of ['vi', 'en'] as const) expect(readCountInput(formatCountInput(1234567, lang))).toEqual({ value: 1234567 });
  });

  it('keeps unreadable boxes until corrected, and counts them (the form is not saved while any)', () => {
    let u = markUnreadable({}, 'LIVE_BIRTHS', '', '12,5');
    u = markUnreadable(u, 'LIVE_BIRTHS', 'sex=female', '-3');
    u = markUnreadable(u, 'NEONATAL_DEATHS', '', 'x');
    expect(unreadableCount(u)).toBe(3);
    expect(u.LIVE_BIRTHS).toEqual({ '': '12,5', 'sex=female': '-3' });
    const same = markUnreadable(u, 'LIVE_BIRTHS', '', '12,5');
    expect(same).toBe(u);
    const fixed = markUnreadable(u, 'LIVE_BIRTHS', '', null);
    expect(unreadableCount(fixed)).toBe(2);
    expect(fixed.NEONATAL_DEATHS).toBe(u.NEONATAL_DEATHS);
    expect(markUnreadable(fixed, 'LIVE_BIRTHS', '', null)).toBe(fixed);
  });

  it('maps a server error on values.N back to the N-th cell sent', () => {
    const sent = [
      { element: 'LIVE_BIRTHS', disaggregation: 'sex=female', value: 59 },
      { element: 'NEONATAL_DEATHS', value: 2 },
    ];
    expect(cellOfError('values.0.value', sent)).toEqual({ element: 'LIVE_BIRTHS', key: 'sex=female' });
    expect(cellOfError('values.1.disaggregation', sent)).toEqual({ element: 'NEONATAL_DEATHS', key: '' });
    expect(cellOfError('values.1', sent)).toEqual({ element: 'NEONATAL_DEATHS', key: '' });
    expect(cellOfError('values.7.value', sent)).toBeNull();
    expect(cellOfError('period', sent)).toBeNull();
    expect(cellOfError(undefined, sent)).toBeNull();
  });
});

describe('parts against the total', () => {
  it('is fine when the parts add up, or when no part or no total is given', () => {
    expect(partsCheck(120, [62, 58])).toEqual({ sum: 120, filled: 2, of: 2, mismatch: false });
    expect(partsCheck(120, [null, null])).toEqual({ sum: null, filled: 0, of: 2, mismatch: false });
    expect(partsCheck(null, [3, 4])).toEqual({ sum: 7, filled: 2, of: 2, mismatch: false });
  });

  it('warns when the parts entered do not add up to the total, also when some are empty', () => {
    expect(partsCheck(120, [62, 57]).mismatch).toBe(true);
    expect(partsCheck(120, [62, null])).toEqual({ sum: 62, filled: 1, of: 2, mismatch: true });
    expect(partsCheck(0, [0, 1]).mismatch).toBe(true);
  });
});

describe('disaggregation cells', () => {
  it('one cell per option for one category, keyed as the server stores it', () => {
    const combos = partCombos(['sex'], catalogue.categories);
    expect(combos?.map((c) => c.key)).toEqual(['sex=male', 'sex=female']);
    expect(combos?.[1]?.options[0]?.name.vi).toBe('Nữ');
  });

  it('the cross product for two categories, keys with categories in alphabetical order', () => {
    const combos = partCombos(['sex', 'age_group'], catalogue.categories);
    expect(combos).toHaveLength(6);
    expect(combos?.[0]?.key).toBe('age_group=u6|sex=male');
    expect(combos?.map((c) => c.key)).toContain('age_group=12_15|sex=female');
    expect(combos?.[0]?.options.map((o) => o.category)).toEqual(['sex', 'age_group']);
  });

  it('none for an element without categories; null when a category is unknown or not loaded', () => {
    expect(partCombos([], catalogue.categories)).toEqual([]);
    expect(partCombos(['sex', 'religion'], catalogue.categories)).toBeNull();
    expect(partCombos(['sex'], undefined)).toBeNull();
  });
});

describe('grouping the form', () => {
  const elements = dataSetElements(indexCatalogue(NATIONAL_CATALOGUE), 'commune').map((code) => ({ code }));

  it('lists every element of the data set exactly once', () => {
    const groups = groupElements(elements, catalogue.indicators);
    const listed = groups.flatMap((g) => g.elements.map((e) => e.code));
    expect(listed.sort()).toEqual(elements.map((e) => e.code).sort());
  });

  it('puts figures several indicators use first, then each indicator in catalogue order', () => {
    const groups = groupElements(elements, catalogue.indicators);
    expect(groups[0]?.kind).toBe('common');
    expect(groups[0]?.elements.map((e) => e.code)).toContain('CHILDREN_TOTAL');
    const mortality = groups.find((g) => g.indicator?.no === 3);
    expect(mortality?.elements.map((e) => e.code)).toEqual(
      expect.arrayContaining(['NEONATAL_DEATHS', 'INFANT_DEATHS', 'UNDER5_DEATHS']),
    );
    const numbers = groups.filter((g) => g.kind === 'indicator').map((g) => g.indicator?.no ?? 0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('an element no measure uses goes to "other"; without a catalogue one group in form order', () => {
    const groups = groupElements([...elements, { code: 'LOCAL_UNUSED' }], catalogue.indicators);
    expect(groups.at(-1)).toEqual({ kind: 'other', indicator: null, elements: [{ code: 'LOCAL_UNUSED' }] });
    expect(groupElements(elements, undefined)).toEqual([{ kind: 'other', indicator: null, elements }]);
    expect(groupElements([], undefined)).toEqual([]);
  });
});

describe('validation findings of one unit', () => {
  const v = (rule: Violation['rule'], severity: 'error' | 'warning', unit: string, elements: string[]): Violation => ({
    rule,
    severity,
    unit,
    period: '2025',
    elements,
    message: { vi: rule, en: rule },
  });
  const all = [
    v('numerator_exceeds_denominator', 'error', '16681', ['NEONATAL_DEATHS', 'LIVE_BIRTHS']),
    v('required_missing', 'error', '16681', ['CHILDREN_TOTAL']),
    v('outlier', 'warning', '16681', ['LIVE_BIRTHS']),
    v('outlier', 'warning', '17827', ['LIVE_BIRTHS']),
    v('disaggregation_mismatch', 'warning', '16681', ['CHILDREN_TOTAL']),
  ];

  it('keeps the unit’s own, with missing figures apart from other errors', () => {
    const f = findingsFor(all, '16681');
    expect(f.errors.map((x) => x.rule)).toEqual(['numerator_exceeds_denominator']);
    expect(f.missing.map((x) => x.elements[0])).toEqual(['CHILDREN_TOTAL']);
    expect(f.warnings.map((x) => x.rule)).toEqual(['outlier', 'disaggregation_mismatch']);
    expect(findingsFor(all, '99999')).toEqual({ errors: [], missing: [], warnings: [] });
  });

  it('lists each finding beside every element it names, except parts-vs-total (checked as typed)', () => {
    const by = findingsByElement(findingsFor(all, '16681'));
    expect(by.get('LIVE_BIRTHS')?.map((x) => x.rule)).toEqual(['numerator_exceeds_denominator', 'outlier']);
    expect(by.get('NEONATAL_DEATHS')).toHaveLength(1);
    expect(by.has('CHILDREN_TOTAL')).toBe(false);
  });
});

describe('who entered a figure and when', () => {
  it('formats Vietnam time as HH:mm dd/MM/yyyy, whatever the browser’s zone', () => {
    expect(formatDateTime('2026-02-03T07:05:00.000Z')).toBe('14:05 03/02/2026');
    // 21:15 UTC is already the next day in Vietnam
    expect(formatDateTime('2026-12-06T21:15:00.000Z')).toBe('04:15 07/12/2026');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('gives the text parameters, or null when nothing was entered', () => {
    const at = '2025-12-31T02:00:00.000Z';
    expect(enteredParams('xa_a', at)).toEqual({ who: 'xa_a', time: '09:00 31/12/2025' });
    expect(enteredParams(null, null)).toBeNull();
  });
});
