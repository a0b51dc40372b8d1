import {
  CATALOGUE_FORMAT,
  NATIONAL_CATALOGUE,
  indexCatalogue,
  type Catalogue,
  type CatalogueIndex,
  type Indicator,
} from '@tre/core';
import type { CatalogueReply } from '@tre/core/indicators/indicator-api';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from './repository.ts';
import { elementRow, indicatorRow, measureRow, nationalTargetRows } from './rows.ts';

/**
 * The catalogue in the database: the national one is written at every bootstrap (an upsert, so a
 * newer Tre's corrections of names and national targets reach existing databases); an
 * administrator's local indicators sit beside it with origin 'local' (local-indicators-service.ts).
 * Services read it back as a core Catalogue.
 */

/**
 * Writes the national catalogue. Local rows are never overwritten nor deleted: a national row
 * whose code is already taken by a local one is left out (with its measures' targets), and
 * nothing is ever deleted here.
 */
export async function seedCatalogue(db: Kysely<Database>, catalogue: Catalogue = NATIONAL_CATALOGUE): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const local = await repo.localCodes(trx);
    const indicators = catalogue.indicators.filter((i) => !local.indicators.has(i.code));
    const measures = indicators.flatMap((i) =>
      i.measures.map((m, position) => ({ i, m, position })).filter(({ m }) => !local.measures.has(m.code)),
    );
    await repo.upsertNationalRows(trx, {
      categories: catalogue.categories.map((c) => ({ code: c.code, name_vi: c.name.vi, name_en: c.name.en })),
      options: catalogue.categories.flatMap((c) =>
        c.options.map((o, position) => ({
          category_code: c.code,
          code: o.code,
          position,
          name_vi: o.name.vi,
          name_en: o.name.en,
        })),
      ),
      elements: catalogue.dataElements
        .map((e, position) => elementRow(e, position, 'national'))
        .filter((e) => !local.elements.has(e.code)),
      indicators: indicators.map((i) => indicatorRow(i, 'national')),
      measures: measures.map(({ i, m, position }) => measureRow(i.code, m, position, 'national')),
      targets: measures.flatMap(({ m }) => nationalTargetRows(m)),
    });
  });
  invalidateCatalogue(db);
}

/** The stored catalogue in the core's shape, and in the reply's shape (with each row's origin). */
interface StoredCatalogue {
  index: CatalogueIndex;
  reply: CatalogueReply;
}

const NATIONAL_MEASURES = new Map(NATIONAL_CATALOGUE.indicators.flatMap((i) => i.measures).map((m) => [m.code, m]));

/** The catalogue as stored (national and local). */
export async function loadCatalogue(db: Kysely<Database>): Promise<StoredCatalogue> {
  const rows = await repo.readCatalogueRows(db);
  const bi = (r: { name_vi: string; name_en: string }) => ({ vi: r.name_vi, en: r.name_en });
  const indicators: CatalogueReply['indicators'] = rows.indicators.map((i) => ({
    code: i.code,
    no: i.no,
    goal: i.goal,
    name: bi(i),
    origin: i.origin,
    measures: rows.measures
      .filter((m) => m.indicator_code === i.code)
      .map((m) => {
        // the note of a national target that is not a level (indicator 13) has no column: it ships
        const note = m.origin === 'national' ? NATIONAL_MEASURES.get(m.code)?.nationalTargetNote : undefined;
        return {
          code: m.code,
          name: bi(m),
          numerator: m.numerator,
          denominator: m.denominator,
          factor: m.factor as 100 | 1000 | 100000,
          unit: m.unit,
          direction: m.direction,
          agency: m.agency,
          nationalTargets: rows.targets
            .filter((t) => t.measure_code === m.code)
            .map((t) => ({ year: t.year, op: t.op, value: t.value, crossChecked: t.cross_checked })),
          ...(note ? { nationalTargetNote: note } : {}),
        };
      }),
  }));
  const reply: CatalogueReply = {
    goals: NATIONAL_CATALOGUE.goals,
    categories: rows.categories.map((c) => ({
      code: c.code,
      name: bi(c),
      options: rows.options.filter((o) => o.category_code === c.code).map((o) => ({ code: o.code, name: bi(o) })),
    })),
    dataElements: rows.elements.map((e) => ({
      code: e.code,
      name: bi(e),
      valueType: 'count',
      categories: e.categories,
      origin: e.origin,
    })),
    indicators,
  };
  const catalogue: Catalogue = {
    format: CATALOGUE_FORMAT,
    source: NATIONAL_CATALOGUE.source,
    goals: reply.goals,
    categories: reply.categories,
    dataElements: reply.dataElements.map(({ origin: _o, ...e }) => e),
    indicators: reply.indicators.map(({ origin: _o, ...i }): Indicator => i),
  };
  return { index: indexCatalogue(catalogue), reply };
}

const cache = new WeakMap<Kysely<Database>, Promise<StoredCatalogue>>();

/**
 * The stored catalogue, read once per database handle and read again after a local indicator is
 * added or deleted through this handle (invalidateCatalogue). Another process on the same
 * PostgreSQL database sees such a change at its next start.
 */
export function storedCatalogue(db: Kysely<Database>): Promise<StoredCatalogue> {
  let p = cache.get(db);
  if (!p) {
    p = loadCatalogue(db);
    p.catch(() => cache.delete(db));
    cache.set(db, p);
  }
  return p;
}

/** The catalogue index every service computes with. */
export async function catalogueIndex(db: Kysely<Database>): Promise<CatalogueIndex> {
  return (await storedCatalogue(db)).index;
}

/** Forgets the cached catalogue after a committed change of the catalogue tables. */
export function invalidateCatalogue(db: Kysely<Database>): void {
  cache.delete(db);
}
