import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/pool.ts';
import { commandLineActor } from '../audit/session-actor.ts';
import { openTestDb, TEST_PROVINCE } from '../test/db.ts';
import { COMMUNE_A, COMMUNE_B } from '../test/factories.ts';
import { publishCounts, sexAgeCells } from './publish.ts';

/** publishCounts: the one way a module's counts (register, cases, voices, recognition) become data values. */
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

const actor = commandLineActor(TEST_PROVINCE);
const PERIOD = '2031';

async function values(unit: string) {
  const rows = await db.kysely
    .selectFrom('data_value')
    .select(['disaggregation', 'value'])
    .where('unit_code', '=', unit)
    .where('period', '=', PERIOD)
    .where('element_code', '=', 'CHILDREN_ABUSED')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.disaggregation, r.value]));
}

const history = async () =>
  (
    await db.kysely
      .selectFrom('data_value_history')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('period', '=', PERIOD)
      .executeTakeFirstOrThrow()
  ).n;

describe('publishCounts', () => {
  it('writes every cell of each unit, zeros included, then only the cells that changed', async () => {
    const count = { n: 2 };
    const publish = () =>
      publishCounts(db.kysely, actor, {
        period: PERIOD,
        unitKind: 'commune',
        units: [COMMUNE_A],
        cellsOf: () => sexAgeCells('CHILDREN_ABUSED', (sex, age) => (sex === 'female' && age === '6_11' ? count.n : 0)),
        auditId: `test/${PERIOD}`,
      });
    expect(await publish()).toEqual({ period: PERIOD, communes: 1, cellsWritten: 6, locked: [] });
    expect(await values(COMMUNE_A)).toEqual({
      'age_group=u6|sex=male': 0,
      'age_group=6_11|sex=male': 0,
      'age_group=12_15|sex=male': 0,
      'age_group=u6|sex=female': 0,
      'age_group=6_11|sex=female': 2,
      'age_group=12_15|sex=female': 0,
    });
    const before = await history();
    expect((await publish()).cellsWritten).toBe(0);
    count.n = 1;
    expect((await publish()).cellsWritten).toBe(1);
    expect((await values(COMMUNE_A))['age_group=6_11|sex=female']).toBe(1);
    expect(await history()).toBe(before + 1);
    const audit = await db.kysely
      .selectFrom('audit_event')
      .select('entity_id')
      .where('entity_id', '=', `test/${PERIOD}`)
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('leaves a unit whose figures an accepted report locked, and names it', async () => {
    const round = await db.kysely
      .insertInto('reporting_round')
      .values({
        province_code: TEST_PROVINCE,
        plan_id: null,
        kind: 'ad_hoc',
        title: 'Khoá thử',
        period: PERIOD,
        deadline: '2031-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('figures_lock')
      .values({ province_code: TEST_PROVINCE, unit_code: COMMUNE_B, period: PERIOD, round_id: round.id, locked_by: null })
      .execute();
    const result = await publishCounts(db.kysely, actor, {
      period: PERIOD,
      unitKind: 'commune',
      units: [COMMUNE_A, COMMUNE_B],
      cellsOf: () => sexAgeCells('CHILDREN_ABUSED', () => 5),
      auditId: `test/${PERIOD}`,
    });
    expect(result).toMatchObject({ communes: 1, locked: [COMMUNE_B] });
    expect(await values(COMMUNE_B)).toEqual({});
    expect((await values(COMMUNE_A))['age_group=u6|sex=male']).toBe(5);
  });
});
