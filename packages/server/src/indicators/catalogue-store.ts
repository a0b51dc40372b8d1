import { NATIONAL_CATALOGUE, indexCatalogue, type Catalogue, type CatalogueIndex } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The catalogue in the database: the national one is written at every bootstrap (an upsert, so a
 * newer Tre's corrections of names and national targets reach existing databases), local
 * indicators would sit beside it with origin 'local'. Services read it back as a core Catalogue.
 */
export async function seedCatalogue(db: Kysely<Database>, catalogue: Catalogue = NATIONAL_CATALOGUE): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const upsert = <T extends keyof Database>(table: T, rows: object[], key: string[], update: string[]) =>
      rows.length === 0
        ? Promise.resolve()
        : trx
            .insertInto(table)
            .values(rows as never)
            .onConflict((oc) =>
              oc
                .columns(key as never)
                .doUpdateSet((eb) => Object.fromEntries(update.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never),
            )
            .execute()
            .then(() => undefined);
    await upsert(
      'indicator_category',
      catalogue.categories.map((c) => ({ code: c.code, name_vi: c.name.vi, name_en: c.name.en })),
      ['code'],
      ['name_vi', 'name_en'],
    );
    await upsert(
      'indicator_category_option',
      catalogue.categories.flatMap((c) =>
        c.options.map((o, position) => ({
          category_code: c.code,
          code: o.code,
          position,
          name_vi: o.name.vi,
          name_en: o.name.en,
        })),
      ),
      ['category_code', 'code'],
      ['position', 'name_vi', 'name_en'],
    );
    await upsert(
      'data_element',
      catalogue.dataElements.map((e, position) => ({
        code: e.code,
        position,
        name_vi: e.name.vi,
        name_en: e.name.en,
        categories: e.categories,
        origin: 'national',
      })),
      ['code'],
      ['position', 'name_vi', 'name_en', 'categories'],
    );
    await upsert(
      'indicator',
      catalogue.indicators.map((i) => ({
        code: i.code,
        no: i.no,
        goal: i.goal,
        name_vi: i.name.vi,
        name_en: i.name.en,
        origin: 'national',
      })),
      ['code'],
      ['no', 'goal', 'name_vi', 'name_en'],
    );
    const measures = catalogue.indicators.flatMap((i) => i.measures.map((m, position) => ({ i, m, position })));
    await upsert(
      'measure',
      measures.map(({ i, m, position }) => ({
        code: m.code,
        indicator_code: i.code,
        position,
        name_vi: m.name.vi,
        name_en: m.name.en,
        numerator: m.numerator,
        denominator: m.denominator,
        factor: m.factor,
        unit: m.unit,
        direction: m.direction,
        agency: m.agency,
        origin: 'national',
      })),
      ['code'],
      ['indicator_code', 'position', 'name_vi', 'name_en', 'numerator', 'denominator', 'factor', 'unit', 'direction', 'agency'],
    );
    await upsert(
      'measure_national_target',
      measures.flatMap(({ m }) =>
        m.nationalTargets.map((t) => ({
          measure_code: m.code,
          year: t.year,
          op: t.op,
          value: t.value,
          cross_checked: t.crossChecked,
        })),
      ),
      ['measure_code', 'year'],
      ['op', 'value', 'cross_checked'],
    );
  });
}

/** The catalogue as stored (national and local), in the core's shape. */
export async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const [categories, options, elements, indicators, measures, targets] = await Promise.all([
    db.selectFrom('indicator_category').selectAll().orderBy('code').execute(),
    db.selectFrom('indicator_category_option').selectAll().orderBy('category_code').orderBy('position').execute(),
    db.selectFrom('data_element').selectAll().orderBy('position').orderBy('code').execute(),
    db.selectFrom('indicator').selectAll().orderBy('no').orderBy('code').execute(),
    db.selectFrom('measure').selectAll().orderBy('indicator_code').orderBy('position').execute(),
    db.selectFrom('measure_national_target').selectAll().orderBy('measure_code').orderBy('year').execute(),
  ]);
  const bi = (r: { name_vi: string; name_en: string }) => ({ vi: r.name_vi, en: r.name_en });
  return {
    format: 'tre.indicators/v1',
    source: NATIONAL_CATALOGUE.source,
    goals: NATIONAL_CATALOGUE.goals,
    categories: categories.map((c) => ({
      code: c.code,
      name: bi(c),
      options: options.filter((o) => o.category_code === c.code).map((o) => ({ code: o.code, name: bi(o) })),
    })),
    dataElements: elements.map((e) => ({ code: e.code, name: bi(e), valueType: 'count', categories: e.categories })),
    indicators: indicators.map((i) => ({
      code: i.code,
      no: i.no,
      goal: i.goal,
      name: bi(i),
      measures: measures
        .filter((m) => m.indicator_code === i.code)
        .map((m) => {
          const national = NATIONAL_CATALOGUE.indicators.flatMap((x) => x.measures).find((x) => x.code === m.code);
          return {
            code: m.code,
            name: bi(m),
            numerator: m.numerator,
            denominator: m.denominator,
            factor: m.factor as 100 | 1000 | 100000,
            unit: m.unit,
            direction: m.direction,
            agency: m.agency,
            nationalTargets: targets
              .filter((t) => t.measure_code === m.code)
              .map((t) => ({ year: t.year, op: t.op, value: t.value, crossChecked: t.cross_checked })),
            ...(national?.nationalTargetNote ? { nationalTargetNote: national.nationalTargetNote } : {}),
          };
        }),
    })),
  };
}

const cache = new WeakMap<Kysely<Database>, Promise<CatalogueIndex>>();

/** The catalogue index, read once per database handle (the catalogue changes only at bootstrap). */
export function catalogueIndex(db: Kysely<Database>): Promise<CatalogueIndex> {
  let p = cache.get(db);
  if (!p) {
    p = loadCatalogue(db).then(indexCatalogue);
    p.catch(() => cache.delete(db));
    cache.set(db, p);
  }
  return p;
}
