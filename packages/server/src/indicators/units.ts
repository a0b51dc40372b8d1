import { dataSetElements, type CatalogueIndex, type DataSetKind } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database, UnitKind } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { findAgency, findCommune, findProvince, allCommunesOf, listAgencies } from '../units/repository.ts';

/** A reporting unit of the installation's province: a commune, an agency, or the province itself. */
export interface ReportingUnit {
  kind: UnitKind;
  code: string;
  name: string;
  /** the agency's names, for its data set */
  agency?: { short_name: string; aliases: string[] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unit a code names within the province, or null (unknown, or of another province). */
export async function findReportingUnit(db: Kysely<Database>, provinceCode: string, code: string): Promise<ReportingUnit | null> {
  if (code === provinceCode) {
    const p = await findProvince(db, code);
    return p ? { kind: 'province', code, name: p.name } : null;
  }
  if (/^\d{5}$/.test(code)) {
    const c = await findCommune(db, code);
    return c && c.province_code === provinceCode ? { kind: 'commune', code, name: c.name } : null;
  }
  if (UUID.test(code)) {
    const id = code.toLowerCase();
    const a = await findAgency(db, provinceCode, id);
    return a ? { kind: 'agency', code: id, name: a.short_name, agency: { short_name: a.short_name, aliases: a.aliases } } : null;
  }
  return null;
}

/** The unit a code names within the province, or a 404 naming the reporting unit. */
export async function getReportingUnit(db: Kysely<Database>, provinceCode: string, code: string): Promise<ReportingUnit> {
  const unit = await findReportingUnit(db, provinceCode, code);
  if (!unit) throw notFound({ vi: 'đơn vị báo cáo', en: 'Reporting unit' });
  return unit;
}

/** Every commune of the province, in code order. */
export async function communesOf(db: Kysely<Database>, provinceCode: string): Promise<{ code: string; name: string }[]> {
  return allCommunesOf(db, provinceCode);
}

export async function communeCodesOf(db: Kysely<Database>, provinceCode: string): Promise<string[]> {
  return (await communesOf(db, provinceCode)).map((c) => c.code);
}

/** Every agency of the province, inactive ones too (their stored figures still count). */
export async function agenciesOf(db: Kysely<Database>, provinceCode: string) {
  return listAgencies(db, provinceCode, true);
}

/** The data set a unit reports on its form (core data-sets.ts). */
export function dataSetOf(index: CatalogueIndex, unit: ReportingUnit): { kind: DataSetKind; elements: string[] } {
  return { kind: unit.kind, elements: dataSetElements(index, unit.kind, unit.agency) };
}

/** A data set named by the caller must be the one the unit reports (none named: any). */
export function assertDataSet(unit: ReportingUnit, dataSet: DataSetKind | undefined): void {
  if (dataSet && dataSet !== unit.kind) {
    throw invalid('dataSet', `Đơn vị này báo cáo bộ số liệu "${unit.kind}"`, `This unit reports the "${unit.kind}" data set`);
  }
}
