import type { Role } from '@tre/core';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../api/types.ts';
import { excelLinks } from '../excel/api.ts';
import { canEnterData, entryKinds, entryUnit, periodOr, templateLinks, unitFromCode } from './access.ts';

const AGENCY = '0b9f8f0e-6f1a-4c55-9a44-4d3a3c1f0a11';
const user = (role: Role, extra: Partial<SessionUser> = {}): SessionUser => ({
  id: 'u1',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: null,
  communeCode: null,
  provinceCode: '40',
  ...extra,
});

describe('who enters which unit', () => {
  it('the standing body, administrators and the bound reporters enter figures; leaders and case workers do not', () => {
    expect(canEnterData(user('admin'))).toBe(true);
    expect(canEnterData(user('provincial_officer'))).toBe(true);
    expect(canEnterData(user('commune_officer', { communeCode: '16681' }))).toBe(true);
    expect(canEnterData(user('agency_reporter', { agencyId: AGENCY }))).toBe(true);
    expect(canEnterData(user('commune_officer'))).toBe(false);
    expect(canEnterData(user('viewer'))).toBe(false);
    expect(canEnterData(user('case_worker', { communeCode: '16681' }))).toBe(false);
    expect(canEnterData(null)).toBe(false);
  });

  it('a commune officer is kept on their commune whatever the URL says', () => {
    const officer = user('commune_officer', { communeCode: '16681' });
    expect(entryUnit(officer, '17827')).toEqual({ kind: 'commune', code: '16681' });
    expect(entryUnit(officer, null)).toEqual({ kind: 'commune', code: '16681' });
    expect(entryKinds(officer)).toEqual(['commune']);
    const reporter = user('agency_reporter', { agencyId: AGENCY });
    expect(entryUnit(reporter, '40')).toEqual({ kind: 'agency', code: AGENCY });
    expect(entryKinds(reporter)).toEqual(['agency']);
  });

  it('the standing body opens the unit in the URL, else the province', () => {
    const officer = user('provincial_officer');
    expect(entryUnit(officer, '17827')).toEqual({ kind: 'commune', code: '17827' });
    expect(entryUnit(officer, AGENCY.toUpperCase())).toEqual({ kind: 'agency', code: AGENCY });
    expect(entryUnit(officer, '40')).toEqual({ kind: 'province', code: '40' });
    expect(entryUnit(officer, 'nonsense')).toEqual({ kind: 'province', code: '40' });
    expect(entryUnit(officer, null)).toEqual({ kind: 'province', code: '40' });
    expect(entryKinds(officer)).toEqual(['commune', 'agency', 'province']);
  });

  it('reads a unit code by its shape', () => {
    expect(unitFromCode('40', '40')).toEqual({ kind: 'province', code: '40' });
    expect(unitFromCode('1668', '40')).toBeNull();
    expect(unitFromCode('', '40')).toBeNull();
  });

  it('keeps a valid period from the URL, else the fallback', () => {
    expect(periodOr('2024S1', '2025')).toBe('2024S1');
    expect(periodOr('2024S3', '2025')).toBe('2025');
    expect(periodOr(null, '2025')).toBe('2025');
  });
});

describe('Excel templates', () => {
  it('builds the template URL with the unit only when given', () => {
    expect(excelLinks.template({ period: '2025', dataSet: 'commune' })).toBe(
      '/api/data-values/template.xlsx?period=2025&dataSet=commune',
    );
    expect(excelLinks.template({ period: '2025S1', dataSet: 'commune', unit: '16681' })).toBe(
      '/api/data-values/template.xlsx?period=2025S1&dataSet=commune&unit=16681',
    );
  });

  it('offers the standing body the all-communes, all-agencies and province templates', () => {
    expect(templateLinks(user('provincial_officer'), '2025')).toEqual([
      { label: 'importTemplateCommunes', url: '/api/data-values/template.xlsx?period=2025&dataSet=commune' },
      { label: 'importTemplateAgencies', url: '/api/data-values/template.xlsx?period=2025&dataSet=agency' },
      { label: 'importTemplateProvince', url: '/api/data-values/template.xlsx?period=2025&dataSet=province&unit=40' },
    ]);
  });

  it('offers a commune officer or agency reporter their own unit’s template only', () => {
    expect(templateLinks(user('commune_officer', { communeCode: '16681' }), '2025')).toEqual([
      { label: 'importTemplateOwn', url: '/api/data-values/template.xlsx?period=2025&dataSet=commune&unit=16681' },
    ]);
    expect(templateLinks(user('agency_reporter', { agencyId: AGENCY }), '2025')).toEqual([
      { label: 'importTemplateOwn', url: `/api/data-values/template.xlsx?period=2025&dataSet=agency&unit=${AGENCY}` },
    ]);
    expect(templateLinks(user('viewer'), '2025')).toEqual([]);
  });
});
