import type { Role } from '@tre/core';
import type { UnitRefDto, ValidationViolationDto } from '@tre/core/indicators/indicator-api';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../api/types.ts';
import {
  NO_FILTER,
  canRunValidation,
  entryHref,
  groupByUnit,
  isFiltered,
  kindOf,
  ruleCounts,
  summarize,
  unitMatches,
  unitOf,
} from './validationView.ts';

const PROVINCE = '40';
const AGENCY = '0b6f2a52-8a47-4c39-9d1e-3f1e2d4c5b6a';

const v = (
  rule: ValidationViolationDto['rule'],
  severity: ValidationViolationDto['severity'],
  unit: string,
  elements: string[],
  measure?: string,
): ValidationViolationDto => ({
  rule,
  severity,
  unit,
  period: '2025',
  elements,
  ...(measure ? { measure } : {}),
  message: { vi: `${rule} ${unit}`, en: `${rule} ${unit}` },
});

// in the server's order: by unit code, then rule
const violations = [
  v(
    'numerator_exceeds_denominator',
    'error',
    '16681',
    ['CHILDREN_U1_FULLY_IMMUNISED', 'CHILDREN_U1'],
    'I05_FULL_IMMUNISATION_U1',
  ),
  v('outlier', 'warning', '16681', ['LIVE_BIRTHS']),
  v('required_missing', 'error', '16681', ['CHILDREN_TOTAL']),
  v('required_missing', 'error', '16681', ['NEONATAL_DEATHS']),
  v('disaggregation_mismatch', 'warning', '17827', ['LIVE_BIRTHS']),
  v('negative_count', 'error', '17827', ['INFANT_DEATHS']),
  v('outlier', 'warning', '40', ['CHILDREN_TOTAL']),
  v('outlier', 'warning', AGENCY, ['CHILDREN_U5']),
];

const units: UnitRefDto[] = [
  { kind: 'commune', code: '16681', name: 'Phường Vinh Phú' },
  { kind: 'commune', code: '17827', name: 'Xã Đức Thọ' },
  { kind: 'province', code: PROVINCE, name: 'Nghệ An' },
  { kind: 'agency', code: AGENCY, name: 'Sở Tư pháp' },
];

describe('kinds of finding', () => {
  it('puts missing required figures apart from errors; every warning is to review, never an error', () => {
    expect(violations.map(kindOf)).toEqual(['error', 'review', 'missing', 'missing', 'review', 'error', 'review', 'review']);
  });

  it('counts errors, missing figures, findings to review (outliers among them) and units concerned', () => {
    expect(summarize(violations)).toEqual({ error: 2, missing: 2, review: 4, outliers: 3, units: 4 });
    expect(summarize([])).toEqual({ error: 0, missing: 0, review: 0, outliers: 0, units: 0 });
  });

  it('lists the checks found, with counts, in the contract’s order of rules', () => {
    expect(ruleCounts(violations)).toEqual([
      { rule: 'negative_count', n: 1 },
      { rule: 'numerator_exceeds_denominator', n: 1 },
      { rule: 'required_missing', n: 2 },
      { rule: 'disaggregation_mismatch', n: 1 },
      { rule: 'outlier', n: 3 },
    ]);
  });
});

describe('findings grouped by unit', () => {
  it('orders the province, then departments, then communes by name; errors before findings to review', () => {
    const groups = groupByUnit(violations, units, NO_FILTER, PROVINCE);
    expect(groups.map((g) => g.unit.code)).toEqual([PROVINCE, AGENCY, '16681', '17827']);
    const vinh = groups[2];
    expect(vinh?.counts).toEqual({ error: 1, missing: 2, review: 1 });
    expect(vinh?.items.map((x) => x.rule)).toEqual(['numerator_exceeds_denominator', 'outlier']);
    expect(vinh?.missing.flatMap((x) => x.elements)).toEqual(['CHILDREN_TOTAL', 'NEONATAL_DEATHS']);
    // the mismatch came first from the server, but an error is listed before a finding to review
    expect(groups[3]?.items.map((x) => x.rule)).toEqual(['negative_count', 'disaggregation_mismatch']);
  });

  it('filters by kind and by rule, counting what is shown', () => {
    const errors = groupByUnit(violations, units, { ...NO_FILTER, kind: 'error' }, PROVINCE);
    expect(errors.map((g) => [g.unit.code, g.counts])).toEqual([
      ['16681', { error: 1, missing: 0, review: 0 }],
      ['17827', { error: 1, missing: 0, review: 0 }],
    ]);
    const outliers = groupByUnit(violations, units, { ...NO_FILTER, rule: 'outlier' }, PROVINCE);
    expect(outliers.map((g) => g.unit.code)).toEqual([PROVINCE, AGENCY, '16681']);
    expect(groupByUnit(violations, units, { ...NO_FILTER, kind: 'missing', rule: 'outlier' }, PROVINCE)).toEqual([]);
  });

  it('searches a unit by name without diacritics or by code', () => {
    const search = (s: string) => groupByUnit(violations, units, { ...NO_FILTER, search: s }, PROVINCE).map((g) => g.unit.code);
    expect(search('duc tho')).toEqual(['17827']);
    expect(search('  ĐỨC  ')).toEqual(['17827']);
    expect(search('1668')).toEqual(['16681']);
    expect(search('tu phap')).toEqual([AGENCY]);
    expect(search('xa vinh')).toEqual([]);
    expect(unitMatches(units[0] as UnitRefDto, '')).toBe(true);
  });

  it('names a unit the run did not name by its code, its kind read from the code', () => {
    const none = new Map<string, UnitRefDto>();
    expect(unitOf('12345', none, PROVINCE)).toEqual({ kind: 'commune', code: '12345', name: '12345' });
    expect(unitOf(PROVINCE, none, PROVINCE)).toEqual({ kind: 'province', code: PROVINCE, name: PROVINCE });
    expect(unitOf(AGENCY, none, PROVINCE).kind).toBe('agency');
    const groups = groupByUnit([v('outlier', 'warning', '99999', ['LIVE_BIRTHS'])], units, NO_FILTER, PROVINCE);
    expect(groups.map((g) => g.unit)).toEqual([{ kind: 'commune', code: '99999', name: '99999' }]);
  });

  it('knows when a filter is set', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: 'vinh' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, kind: 'review' })).toBe(true);
  });
});

describe('links and access', () => {
  it('opens the unit’s entry form for the period checked', () => {
    expect(entryHref('16681', '2025S1')).toBe('/indicators/entry?unit=16681&period=2025S1');
  });

  it('lets the province’s readers and a unit’s own reporter run the checks, not case workers', () => {
    const user = (role: Role, extra: Partial<SessionUser> = {}): SessionUser => ({
      id: 'u1',
      username: 'u1',
      displayName: 'U1',
      role,
      agencyId: null,
      communeCode: null,
      provinceCode: PROVINCE,
      ...extra,
    });
    expect(canRunValidation(user('admin'))).toBe(true);
    expect(canRunValidation(user('provincial_officer'))).toBe(true);
    expect(canRunValidation(user('viewer'))).toBe(true);
    expect(canRunValidation(user('commune_officer', { communeCode: '16681' }))).toBe(true);
    expect(canRunValidation(user('commune_officer'))).toBe(false);
    expect(canRunValidation(user('agency_reporter', { agencyId: AGENCY }))).toBe(true);
    expect(canRunValidation(user('case_worker', { communeCode: '16681' }))).toBe(false);
    expect(canRunValidation(null)).toBe(false);
  });
});
