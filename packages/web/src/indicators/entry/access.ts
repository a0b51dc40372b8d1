import type { DataSetKind } from '@tre/core/indicators/data-sets';
import { isPeriodCode } from '@tre/core/periods/period';
import type { SessionUser } from '../../api/types.ts';
import type { UnitChoice } from '../UnitPeriodPicker.tsx';
import { excelLinks } from '../excel/api.ts';
import { indicatorsPermissions } from '@tre/core';
import { scopeFor } from '../../session/can.ts';
/** Which units the user's figures reach (core indicators/permissions.ts 'values.write'). */
const writeScope = (user: SessionUser | null) => scopeFor(user, indicatorsPermissions, 'values.write');

/**
 * Who may enter which unit's figures, as the server decides it (server indicators/access.ts):
 * the standing body and administrators any unit of the province, a commune officer their
 * commune, an agency reporter their agency; leaders (viewer) and case workers enter nothing.
 */
export function canEnterData(user: SessionUser | null): boolean {
  const scope = writeScope(user);
  if (scope === 'province') return true;
  if (scope === 'own_commune') return !!user?.communeCode;
  if (scope === 'own_agency') return !!user?.agencyId;
  return false;
}

export const isProvinceEditor = (user: SessionUser | null): boolean => writeScope(user) === 'province';

/** The kinds of unit a user's picker offers on the entry form. */
export function entryKinds(user: SessionUser): UnitChoice['kind'][] {
  if (writeScope(user) === 'own_commune') return ['commune'];
  if (writeScope(user) === 'own_agency') return ['agency'];
  return ['commune', 'agency', 'province'];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unit a code names, by its shape (as the server reads it): the province, a commune (5 digits) or an agency (id). */
export function unitFromCode(code: string | null, provinceCode: string): UnitChoice | null {
  if (!code) return null;
  if (code === provinceCode) return { kind: 'province', code };
  if (/^\d{5}$/.test(code)) return { kind: 'commune', code };
  if (UUID.test(code)) return { kind: 'agency', code: code.toLowerCase() };
  return null;
}

/**
 * The unit the entry form opens on: a commune officer or agency reporter always their own (a
 * link to another unit is ignored), the standing body the unit in the URL or else the province.
 */
export function entryUnit(user: SessionUser, requested: string | null): UnitChoice {
  if (writeScope(user) === 'own_commune' && user.communeCode) return { kind: 'commune', code: user.communeCode };
  if (writeScope(user) === 'own_agency' && user.agencyId) return { kind: 'agency', code: user.agencyId };
  return unitFromCode(requested, user.provinceCode) ?? { kind: 'province', code: user.provinceCode };
}

/** A period code from the URL, or the fallback when it is missing or malformed. */
export function periodOr(requested: string | null, fallback: string): string {
  return requested && isPeriodCode(requested) ? requested : fallback;
}

/** The data set a unit reports: its kind (server units.ts dataSetOf). */
export const dataSetOfUnit = (unit: UnitChoice): DataSetKind => unit.kind;

export interface TemplateLink {
  label: 'importTemplateCommunes' | 'importTemplateAgencies' | 'importTemplateProvince' | 'importTemplateOwn';
  url: string;
}

/**
 * Templates offered on the import page: the standing body one for every commune, one for every
 * agency and one for the province's own figures; a commune officer or agency reporter their unit's.
 */
export function templateLinks(user: SessionUser, period: string): TemplateLink[] {
  if (isProvinceEditor(user)) {
    return [
      { label: 'importTemplateCommunes', url: excelLinks.template({ period, dataSet: 'commune' }) },
      { label: 'importTemplateAgencies', url: excelLinks.template({ period, dataSet: 'agency' }) },
      { label: 'importTemplateProvince', url: excelLinks.template({ period, dataSet: 'province', unit: user.provinceCode }) },
    ];
  }
  if (writeScope(user) === 'own_commune' && user.communeCode) {
    return [{ label: 'importTemplateOwn', url: excelLinks.template({ period, dataSet: 'commune', unit: user.communeCode }) }];
  }
  if (writeScope(user) === 'own_agency' && user.agencyId) {
    return [{ label: 'importTemplateOwn', url: excelLinks.template({ period, dataSet: 'agency', unit: user.agencyId }) }];
  }
  return [];
}
