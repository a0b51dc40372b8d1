import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** SQL of the catalogue tables (migration 0003); the rules are in catalogue-store.ts and local-indicators-service.ts. */
type Q = Kysely<Database> | Transaction<Database>;

type Row<T extends keyof Database> = Insertable<Database[T]>;
interface NationalRows {
  categories: Row<'indicator_category'>[];
  options: Row<'indicator_category_option'>[];
  elements: Row<'data_element'>[];
  indicators: Row<'indicator'>[];
  measures: Row<'measure'>[];
  targets: Row<'measure_national_target'>[];
}

/** Every row of the catalogue, in display order (indicators by number, local ones without a number last). */
export async function readCatalogueRows(db: Q) {
  const [categories, options, elements, indicators, measures, targets] = await Promise.all([
    db.selectFrom('indicator_category').selectAll().orderBy('code').execute(),
    db.selectFrom('indicator_category_option').selectAll().orderBy('category_code').orderBy('position').execute(),
    db.selectFrom('data_element').selectAll().orderBy('position').orderBy('code').execute(),
    db.selectFrom('indicator').selectAll().orderBy('no').orderBy('code').execute(),
    db.selectFrom('measure').selectAll().orderBy('indicator_code').orderBy('position').execute(),
    db.selectFrom('measure_national_target').selectAll().orderBy('measure_code').orderBy('year').execute(),
  ]);
  return { categories, options, elements, indicators, measures, targets };
}

/** The codes of the local rows, which the national seeding never touches. */
export async function localCodes(db: Q): Promise<{ elements: Set<string>; indicators: Set<string>; measures: Set<string> }> {
  const [elements, indicators, measures] = await Promise.all([
    db.selectFrom('data_element').select('code').where('origin', '=', 'local').execute(),
    db.selectFrom('indicator').select('code').where('origin', '=', 'local').execute(),
    db.selectFrom('measure').select('code').where('origin', '=', 'local').execute(),
  ]);
  const codes = (rows: { code: string }[]) => new Set(rows.map((r) => r.code));
  return { elements: codes(elements), indicators: codes(indicators), measures: codes(measures) };
}

/**
 * Inserts rows, or updates the listed columns of the row with the same key. Rows of national origin
 * only: the callers leave out every row whose key is local, and the update never changes `origin`.
 */
function upsert(trx: Transaction<Database>, table: keyof Database, rows: object[], key: string[], update: string[]) {
  if (rows.length === 0) return Promise.resolve();
  return trx
    .insertInto(table)
    .values(rows as never)
    .onConflict((oc) =>
      oc.columns(key as never).doUpdateSet((eb) => Object.fromEntries(update.map((c) => [c, eb.ref(`excluded.${c}` as never)]))),
    )
    .execute()
    .then(() => undefined);
}

export async function upsertNationalRows(trx: Transaction<Database>, rows: NationalRows): Promise<void> {
  await upsert(trx, 'indicator_category', rows.categories, ['code'], ['name_vi', 'name_en']);
  await upsert(trx, 'indicator_category_option', rows.options, ['category_code', 'code'], ['position', 'name_vi', 'name_en']);
  await upsert(trx, 'data_element', rows.elements, ['code'], ['position', 'name_vi', 'name_en', 'categories']);
  await upsert(trx, 'indicator', rows.indicators, ['code'], ['no', 'goal', 'name_vi', 'name_en']);
  await upsert(
    trx,
    'measure',
    rows.measures,
    ['code'],
    ['indicator_code', 'position', 'name_vi', 'name_en', 'numerator', 'denominator', 'factor', 'unit', 'direction', 'agency'],
  );
  await upsert(trx, 'measure_national_target', rows.targets, ['measure_code', 'year'], ['op', 'value', 'cross_checked']);
}

/**
 * Serialises changes of the catalogue (adding or deleting a local indicator): the codes checked
 * free are still free at the insert. Readers are not blocked.
 */
export async function lockCatalogue(trx: Transaction<Database>): Promise<void> {
  await sql`LOCK TABLE indicator IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
}

/** The next free position at the end of the data elements (local elements follow the national ones). */
export async function nextElementPosition(db: Q): Promise<number> {
  const row = await db
    .selectFrom('data_element')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return (row?.max ?? -1) + 1;
}

/**
 * Inserts a local indicator. The measure rows fire migration 0004's trigger, which computes
 * measure_unit_value for each new measure from the figures already stored for its elements.
 */
export type LocalIndicatorRows = Omit<NationalRows, 'categories' | 'options' | 'indicators'> & { indicator: Row<'indicator'> };

export async function insertLocalIndicator(trx: Transaction<Database>, rows: LocalIndicatorRows): Promise<void> {
  if (rows.elements.length > 0) await trx.insertInto('data_element').values(rows.elements).execute();
  await trx.insertInto('indicator').values(rows.indicator).execute();
  await trx.insertInto('measure').values(rows.measures).execute();
  if (rows.targets.length > 0) await trx.insertInto('measure_national_target').values(rows.targets).execute();
}

/** Elements that hold a figure (of any unit, period or province). */
export async function elementsWithFigures(db: Q, elements: string[]): Promise<Set<string>> {
  if (elements.length === 0) return new Set();
  const rows = await db
    .selectFrom('data_value')
    .select('element_code')
    .distinct()
    .where('element_code', 'in', elements)
    .execute();
  return new Set(rows.map((r) => r.element_code));
}

/**
 * Deletes a local indicator, its measures (their measure_unit_value rows go by ON DELETE CASCADE),
 * their national reference targets, the plan targets mapped to them, and the given elements.
 * Returns how many plan targets were unmapped.
 */
export async function deleteLocalIndicator(
  trx: Transaction<Database>,
  code: string,
  measures: string[],
  elements: string[],
): Promise<{ planTargets: number }> {
  let planTargets = 0;
  if (measures.length > 0) {
    const removed = await trx.deleteFrom('measure_target').where('measure_code', 'in', measures).executeTakeFirst();
    planTargets = Number(removed.numDeletedRows);
    await trx.deleteFrom('measure_national_target').where('measure_code', 'in', measures).execute();
    await trx.deleteFrom('measure').where('code', 'in', measures).where('origin', '=', 'local').execute();
  }
  await trx.deleteFrom('indicator').where('code', '=', code).where('origin', '=', 'local').execute();
  if (elements.length > 0) {
    await trx.deleteFrom('data_element').where('code', 'in', elements).where('origin', '=', 'local').execute();
  }
  return { planTargets };
}
