import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function listProvinces(db: Q) {
  return db.selectFrom('province').select(['code', 'name']).orderBy('code').execute();
}

export async function findProvince(db: Q, code: string) {
  return db.selectFrom('province').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}

/**
 * One page of a province's communes and the total matching, in one round trip (the total rides on
 * each row as a window count). Past the last page there is no row to carry it, so count apart.
 */
/** Every commune of a province, in code order: one read of the (province_code) index, no paging or window count. */
export async function allCommunesOf(db: Q, provinceCode: string): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('commune').select(['code', 'name']).where('province_code', '=', provinceCode).orderBy('code').execute();
}

export async function listCommunes(
  db: Q,
  filter: { provinceCode: string; q?: string | undefined; limit: number; offset: number },
) {
  let query = db
    .selectFrom('commune')
    .select(['code', 'name', 'type', 'province_code', sql<number>`count(*) over ()`.as('total')])
    .where('province_code', '=', filter.provinceCode);
  if (filter.q) {
    // diacritic-insensitive: "nghi loc" finds "Nghi Lộc"; uses the trigram index on tre_fold(name)
    query = query.where(sql<string>`tre_fold(name)`, 'like', sql<string>`'%' || tre_fold(${filter.q}) || '%'`);
  }
  const rows = await query.orderBy('name').limit(filter.limit).offset(filter.offset).execute();
  const total = rows[0]?.total ?? (filter.offset > 0 ? await countCommunes(db, filter.provinceCode, filter.q) : 0);
  return { total, items: rows.map(({ total: _t, ...c }) => c) };
}

async function countCommunes(db: Q, provinceCode: string, q?: string) {
  let query = db
    .selectFrom('commune')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', provinceCode);
  if (q) query = query.where(sql<string>`tre_fold(name)`, 'like', sql<string>`'%' || tre_fold(${q}) || '%'`);
  return (await query.executeTakeFirstOrThrow()).n;
}

export async function findCommune(db: Q, code: string) {
  return db.selectFrom('commune').select(['code', 'name', 'type', 'province_code']).where('code', '=', code).executeTakeFirst();
}

export async function listPredecessors(db: Q, communeCode: string) {
  return db
    .selectFrom('commune_predecessor')
    .select(['old_code', 'old_name', 'extent'])
    .where('commune_code', '=', communeCode)
    .orderBy('old_code')
    .execute();
}

export const agencyColumns = ['id', 'kind', 'short_name', 'full_name', 'aliases', 'active', 'updated_at'] as const;

export async function listAgencies(db: Q, provinceCode: string, includeInactive: boolean) {
  let q = db.selectFrom('agency').select(agencyColumns).where('province_code', '=', provinceCode);
  if (!includeInactive) q = q.where('active', '=', true);
  return q.orderBy('kind').orderBy('short_name').execute();
}

export async function findAgency(db: Q, provinceCode: string, id: string) {
  return db
    .selectFrom('agency')
    .select(agencyColumns)
    .where('province_code', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Compared in one normal form on both sides, so a name typed decomposed (NFD) meets its precomposed
 * twin, also one stored before names were normalised.
 */
export async function findAgencyByShortName(db: Q, provinceCode: string, shortName: string) {
  return db
    .selectFrom('agency')
    .select(agencyColumns)
    .where('province_code', '=', provinceCode)
    .where(sql<string>`lower(normalize(short_name, NFC))`, '=', sql<string>`lower(normalize(${shortName}, NFC))`)
    .executeTakeFirst();
}

export interface AgencyValues {
  kind: string;
  short_name: string;
  full_name: string;
  aliases: string[];
  active?: boolean;
}

export async function insertAgency(db: Q, provinceCode: string, values: AgencyValues) {
  return db
    .insertInto('agency')
    .values({ ...values, province_code: provinceCode })
    .returning(agencyColumns)
    .executeTakeFirstOrThrow();
}

export async function updateAgency(db: Q, id: string, values: Partial<AgencyValues>) {
  return db
    .updateTable('agency')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returning(agencyColumns)
    .executeTakeFirstOrThrow();
}

export async function countAgencies(db: Q, provinceCode: string) {
  const row = await db
    .selectFrom('agency')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', provinceCode)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findSetting(db: Q, provinceCode: string, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('province_code', '=', provinceCode)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

export async function upsertSetting(db: Q, provinceCode: string, key: string, value: unknown) {
  await db
    .insertInto('setting')
    .values({ province_code: provinceCode, key, value: JSON.stringify(value) })
    .onConflict((oc) =>
      oc.columns(['province_code', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }),
    )
    .execute();
}

export async function countRows(db: Q, table: 'province' | 'commune' | 'province_before_2025') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
