import { parseDisaggregationKey, resolveTotals, valueKey } from '@tre/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/pool.ts';
import { openTestDb, TEST_PROVINCE } from '../../test/db.ts';
import { COMMUNE_A, COMMUNE_B } from '../../test/factories.ts';
import { communeFiguresByMeasure } from './repository.ts';

/**
 * measure_unit_value (migration 0004) is derived from data_value by triggers: after every kind of
 * write it must equal what core values.ts (resolveTotals) and the "both elements present" rule of
 * aggregate.ts give when recomputed from scratch.
 */
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

async function expected() {
  const rows = await db.kysely.selectFrom('data_value').selectAll().execute();
  const totals = resolveTotals(
    rows.map((r) => ({
      element: r.element_code,
      unit: `${r.province_code}|${r.unit_code}|${r.unit_kind}`,
      period: r.period,
      value: r.value,
      disaggregation: parseDisaggregationKey(r.disaggregation) ?? {},
    })),
  );
  const cells = new Set(rows.map((r) => `${r.province_code}|${r.unit_code}|${r.unit_kind}\u0000${r.period}`));
  const measures = await db.kysely.selectFrom('measure').select(['code', 'numerator', 'denominator']).execute();
  const out: string[] = [];
  for (const cell of cells) {
    const [unit = '', period = ''] = cell.split('\u0000');
    for (const m of measures) {
      const n = totals.get(valueKey(m.numerator, unit, period));
      const d = totals.get(valueKey(m.denominator, unit, period));
      if (n && d) out.push(`${unit}|${period}|${m.code}|${n.value}|${d.value}`);
    }
  }
  return out.sort();
}

async function stored() {
  const rows = await db.kysely.selectFrom('measure_unit_value').selectAll().execute();
  return rows
    .map((r) => `${r.province_code}|${r.unit_code}|${r.unit_kind}|${r.period}|${r.measure_code}|${r.numerator}|${r.denominator}`)
    .sort();
}

const put = (unit: string, kind: string, period: string, element: string, value: number, disaggregation = '') =>
  sql`INSERT INTO data_value (province_code, element_code, unit_kind, unit_code, period, disaggregation, value, entered_by_name)
      VALUES (${TEST_PROVINCE}, ${element}, ${kind}, ${unit}, ${period}, ${disaggregation}, ${value}, 'test')
      ON CONFLICT (province_code, period, unit_code, element_code, disaggregation) DO UPDATE SET value = excluded.value`.execute(
    db.kysely,
  );

describe('measure_unit_value stays equal to data_value', () => {
  it('after inserts of totals, parts only, and a numerator without its denominator', async () => {
    await put(COMMUNE_A, 'commune', '2025', 'LIVE_BIRTHS', 400);
    await put(COMMUNE_A, 'commune', '2025', 'LIVE_BIRTHS', 190, 'sex=female');
    await put(COMMUNE_A, 'commune', '2025', 'NEONATAL_DEATHS', 3);
    await put(COMMUNE_B, 'commune', '2025', 'LIVE_BIRTHS', 100, 'sex=female');
    await put(COMMUNE_B, 'commune', '2025', 'LIVE_BIRTHS', 110, 'sex=male');
    await put(COMMUNE_B, 'commune', '2025', 'NEONATAL_DEATHS', 1);
    await put(COMMUNE_B, 'commune', '2024', 'NEONATAL_DEATHS', 2);
    await put(TEST_PROVINCE, 'province', '2025', 'LIVE_BIRTHS', 30000);
    await put(TEST_PROVINCE, 'province', '2025', 'NEONATAL_DEATHS', 120);
    const want = await expected();
    expect(want.length).toBeGreaterThan(0);
    expect(await stored()).toEqual(want);
    // the communes' figures per measure, as the all-units computation reads them
    const byMeasure = await communeFiguresByMeasure(db.kysely, TEST_PROVINCE, '2025');
    const flat = byMeasure.flatMap((m) => m.units.map((u, i) => `${u}|${m.measure}|${m.numerators[i]}|${m.denominators[i]}`));
    const fromStored = (await stored())
      .map((r) => r.split('|'))
      .filter((r) => r[2] === 'commune' && r[3] === '2025')
      .map((r) => `${r[1]}|${r[4]}|${r[5]}|${r[6]}`);
    expect(flat.sort()).toEqual(fromStored.sort());
  });

  it('after an update (re-import with another value) and an unchanged re-import', async () => {
    await put(COMMUNE_B, 'commune', '2025', 'LIVE_BIRTHS', 120, 'sex=male');
    await put(COMMUNE_A, 'commune', '2025', 'NEONATAL_DEATHS', 3);
    await sql`UPDATE data_value SET value = value + 1 WHERE unit_code = ${COMMUNE_A}`.execute(db.kysely);
    expect(await stored()).toEqual(await expected());
  });

  it('after deletes of a total (parts take over), of a denominator, and of everything', async () => {
    await sql`DELETE FROM data_value WHERE unit_code = ${COMMUNE_A} AND disaggregation = ''
              AND element_code = 'LIVE_BIRTHS'`.execute(db.kysely);
    expect(await stored()).toEqual(await expected());
    await sql`DELETE FROM data_value WHERE unit_code = ${COMMUNE_B} AND element_code = 'LIVE_BIRTHS'`.execute(db.kysely);
    expect(await stored()).toEqual(await expected());
    await sql`DELETE FROM data_value`.execute(db.kysely);
    expect(await stored()).toEqual([]);
  });

  it('after a measure changes its elements', async () => {
    await put(COMMUNE_A, 'commune', '2025', 'LIVE_BIRTHS', 400);
    await put(COMMUNE_A, 'commune', '2025', 'NEONATAL_DEATHS', 3);
    const m = await db.kysely
      .selectFrom('measure')
      .select(['code', 'numerator', 'denominator'])
      .where('denominator', '=', 'LIVE_BIRTHS')
      .executeTakeFirstOrThrow();
    await db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('measure').set({ numerator: 'NEONATAL_DEATHS' }).where('code', '=', m.code).execute();
      await trx.updateTable('measure').set({ numerator: m.numerator }).where('code', '=', m.code).execute();
    });
    expect(await stored()).toEqual(await expected());
  });

  it('after a local measure is added over figures already stored, and deleted again', async () => {
    await put(COMMUNE_B, 'commune', '2025', 'CHILDREN_U5', 50);
    await put(COMMUNE_B, 'commune', '2025', 'CHILDREN_TOTAL', 200, 'sex=female');
    await put(COMMUNE_B, 'commune', '2025', 'CHILDREN_TOTAL', 180, 'sex=male');
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('indicator')
        .values({ code: 'L01', no: null, goal: null, name_vi: 'Địa phương', name_en: 'Local', origin: 'local' })
        .execute();
      await trx
        .insertInto('measure')
        .values({
          code: 'L01_U5_SHARE',
          indicator_code: 'L01',
          position: 0,
          name_vi: 'Tỷ lệ trẻ dưới 5 tuổi',
          name_en: 'Share under 5',
          numerator: 'CHILDREN_U5',
          denominator: 'CHILDREN_TOTAL',
          factor: 100,
          unit: '%',
          direction: 'higher',
          agency: 'Sở Y tế',
          origin: 'local',
        })
        .execute();
    });
    const local = (await stored()).filter((r) => r.includes('|L01_U5_SHARE|'));
    expect(local).toEqual([`${TEST_PROVINCE}|${COMMUNE_B}|commune|2025|L01_U5_SHARE|50|380`]);
    expect(await stored()).toEqual(await expected());
    await db.kysely.deleteFrom('measure').where('code', '=', 'L01_U5_SHARE').execute();
    expect((await stored()).filter((r) => r.includes('|L01_U5_SHARE|'))).toEqual([]);
    expect(await stored()).toEqual(await expected());
  });
});
