import { dataSetElements, type CatalogueIndex, type DataSetKind } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database, UnitKind } from '../db/schema.ts';

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
    const p = await db.selectFrom('province').select('name').where('code', '=', code).executeTakeFirst();
    return p ? { kind: 'province', code, name: p.name } : null;
  }
  if (/^\d{5}$/.test(code)) {
    const c = await db.selectFrom('commune').select(['name', 'province_code']).where('code', '=', code).executeTakeFirst();
    return c && c.province_code === provinceCode ? { kind: 'commune', code, name: c.name } : null;
  }
  if (UUID.test(code)) {
    const a = await db
      .selectFrom('agency')
      .select(['short_name', 'aliases'])
      .where('id', '=', code.toLowerCase())
      .where('province_code', '=', provinceCode)
      .executeTakeFirst();
    return a ? { kind: 'agency', code: code.toLowerCase(), name: a.short_name, agency: a } : null;
  }
  return null;
}

/** The data set a unit reports on its form (core data-sets.ts). */
export function dataSetOf(index: CatalogueIndex, unit: ReportingUnit): { kind: DataSetKind; elements: string[] } {
  return { kind: unit.kind, elements: dataSetElements(index, unit.kind, unit.agency) };
}
