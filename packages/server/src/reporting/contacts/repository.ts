import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, ReportingContactTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;
type UnitKind = ReportingContactTable['unit_kind'];

const contactColumns = ['rc.email', 'rc.head_name', 'rc.head_email', 'rc.escalate_after_days', 'rc.updated_at'] as const;

/** Every active agency of the province with its contact (or nulls), by kind and name as the agency list shows them. */
export async function agenciesWithContacts(db: Q, provinceCode: string) {
  return db
    .selectFrom('agency as a')
    .leftJoin('reporting_contact as rc', (j) =>
      j
        .onRef('rc.province_code', '=', 'a.province_code')
        .on('rc.unit_kind', '=', 'agency')
        .on('rc.unit_code', '=', sql<string>`a.id::text`),
    )
    .select([sql<string>`a.id::text`.as('unit_code'), 'a.short_name as name', ...contactColumns])
    .where('a.province_code', '=', provinceCode)
    .where('a.active', '=', true)
    .orderBy('a.kind')
    .orderBy('a.short_name')
    .execute();
}

/** Every commune of the province with its contact (or nulls), in the statistics office's order. */
export async function communesWithContacts(db: Q, provinceCode: string) {
  return db
    .selectFrom('commune as c')
    .leftJoin('reporting_contact as rc', (j) =>
      j.onRef('rc.province_code', '=', 'c.province_code').on('rc.unit_kind', '=', 'commune').onRef('rc.unit_code', '=', 'c.code'),
    )
    .select(['c.code as unit_code', 'c.name', ...contactColumns])
    .where('c.province_code', '=', provinceCode)
    .orderBy('c.code')
    .execute();
}

export type ContactListRow = Awaited<ReturnType<typeof communesWithContacts>>[number];

export async function findContact(db: Q, provinceCode: string, unitKind: UnitKind, unitCode: string) {
  return db
    .selectFrom('reporting_contact')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('unit_kind', '=', unitKind)
    .where('unit_code', '=', unitCode)
    .executeTakeFirst();
}

export async function upsertContact(db: Q, row: Insertable<ReportingContactTable>) {
  const { province_code: _p, unit_kind: _k, unit_code: _c, ...values } = row;
  await db
    .insertInto('reporting_contact')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['province_code', 'unit_kind', 'unit_code']).doUpdateSet({ ...values, updated_at: sql<Date>`now()` }),
    )
    .execute();
}
