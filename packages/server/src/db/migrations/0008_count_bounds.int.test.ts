import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../pool.ts';
import { COMMUNE_A, COMMUNE_B } from '../../test/factories.ts';
import { TEST_PROVINCE, openTestDb } from '../../test/db.ts';
import { down, up } from './0008_count_bounds.ts';

/**
 * An install that stored out-of-bounds counts before migration 0008 (as `PUT /api/data-values`
 * allowed 1e308): the migration must not fail on it; it removes those rows, records each, and keeps
 * every good one.
 */
let db: Db;
/** migrations are written against the untyped database */
const untyped = () => db.kysely as unknown as Kysely<unknown>;
beforeAll(async () => {
  db = await openTestDb();
  await down(untyped());
});
afterAll(async () => db.close());

const row = (unit: string, element: string, value: string, disaggregation = '') =>
  sql`INSERT INTO data_value (province_code, element_code, unit_kind, unit_code, period, disaggregation, value, entered_by_name)
      VALUES (${TEST_PROVINCE}, ${element}, 'commune', ${unit}, '2020', ${disaggregation}, ${value}::numeric, 'old')`.execute(
    db.kysely,
  );

describe('migration 0008 on an install holding bad counts', () => {
  it('removes counts above 10^12, NaN, Infinity and decimals with a history and an audit row; keeps the rest; then refuses them', async () => {
    await row(COMMUNE_A, 'LIVE_BIRTHS', '1e308');
    await row(COMMUNE_A, 'LIVE_BIRTHS', '1152921504606846976', 'sex=female');
    await row(COMMUNE_A, 'INFANT_DEATHS', '12.5');
    await row(COMMUNE_B, 'LIVE_BIRTHS', 'NaN');
    await row(COMMUNE_B, 'INFANT_DEATHS', 'Infinity');
    await row(COMMUNE_B, 'NEONATAL_DEATHS', '1000000000000');
    await row(COMMUNE_A, 'NEONATAL_DEATHS', '7');

    await up(untyped());

    const kept = await db.kysely
      .selectFrom('data_value')
      .select(['unit_code', 'element_code', 'value'])
      .orderBy('unit_code')
      .orderBy('element_code')
      .execute();
    expect(kept).toEqual([
      { unit_code: COMMUNE_A, element_code: 'NEONATAL_DEATHS', value: 7 },
      { unit_code: COMMUNE_B, element_code: 'NEONATAL_DEATHS', value: 1e12 },
    ]);
    const history = await db.kysely
      .selectFrom('data_value_history')
      .select(['unit_code', 'element_code', 'disaggregation', 'new_value', 'source', 'changed_by_name'])
      .where('source', '=', 'migration')
      .orderBy('unit_code')
      .orderBy('element_code')
      .orderBy('disaggregation')
      .execute();
    expect(
      history.map((h) => `${h.unit_code} ${h.element_code}[${h.disaggregation}] ${String(h.new_value)} ${h.changed_by_name}`),
    ).toEqual([
      `${COMMUNE_A} INFANT_DEATHS[] null Tre (migration 0008)`,
      `${COMMUNE_A} LIVE_BIRTHS[] null Tre (migration 0008)`,
      `${COMMUNE_A} LIVE_BIRTHS[sex=female] null Tre (migration 0008)`,
      `${COMMUNE_B} INFANT_DEATHS[] null Tre (migration 0008)`,
      `${COMMUNE_B} LIVE_BIRTHS[] null Tre (migration 0008)`,
    ]);
    const audit = await db.kysely
      .selectFrom('audit_event')
      .select(['entity_id', 'before', 'after'])
      .where('actor_name', '=', 'Tre (migration 0008)')
      .orderBy('entity_id')
      .execute();
    expect(audit).toEqual([
      {
        entity_id: `${COMMUNE_A}/2020`,
        before: { INFANT_DEATHS: '12.5', LIVE_BIRTHS: `1${'0'.repeat(308)}`, 'LIVE_BIRTHS[sex=female]': '1152921504606846976' },
        after: null,
      },
      { entity_id: `${COMMUNE_B}/2020`, before: { INFANT_DEATHS: 'Infinity', LIVE_BIRTHS: 'NaN' }, after: null },
    ]);
    // the aggregation table follows data_value (its triggers): nothing non-finite is left to sum
    const sums = await sql<{
      n: string | number | null;
    }>`SELECT max(numerator) + max(denominator) AS n FROM measure_unit_value`.execute(db.kysely);
    expect(Number.isFinite(Number(sums.rows[0]?.n ?? 0))).toBe(true);

    await expect(row(COMMUNE_A, 'LIVE_BIRTHS', '1e308')).rejects.toThrow(/data_value_value_count/);
    await expect(row(COMMUNE_A, 'LIVE_BIRTHS', '1000000000001')).rejects.toThrow(/data_value_value_count/);
    await expect(row(COMMUNE_A, 'LIVE_BIRTHS', '2.5')).rejects.toThrow(/data_value_value_count/);
  });
});
