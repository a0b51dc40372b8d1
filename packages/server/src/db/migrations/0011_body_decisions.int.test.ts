import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../pool.ts';
import { openTestDb } from '../../test/db.ts';
import { makePlan, planDocument } from '../../test/factories.ts';
import { down, up } from './0011_body_decisions.ts';

let db: Db;
const untyped = () => db.kysely as unknown as Kysely<unknown>;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

const resolutions = async (planId: string) =>
  (
    await db.kysely
      .selectFrom('plan_task_body as b')
      .innerJoin('plan_task as t', 't.id', 'b.task_id')
      .select(['b.name', 'b.resolution', 'b.body_group'])
      .where('t.plan_id', '=', planId)
      .orderBy('t.position')
      .orderBy('b.role')
      .execute()
  ).map((r) => [r.name, r.resolution, r.body_group]);

describe('migration 0011', () => {
  it('admits not_tracked and agencies_and_communes; going down keeps every row as the earlier schema can hold it', async () => {
    const base = planDocument();
    const task = base.tasks[0];
    if (!task) throw new Error('factory plan without tasks');
    const planId = await makePlan(db, {
      document: {
        ...base,
        tasks: [{ ...task, lead: ['các sở, ngành, địa phương'], support: ['các tổ chức, đơn vị, cá nhân liên quan'] }],
      },
    });
    expect(await resolutions(planId)).toEqual([
      ['các sở, ngành, địa phương', 'group', 'agencies_and_communes'],
      ['các tổ chức, đơn vị, cá nhân liên quan', 'not_tracked', null],
    ]);

    await down(untyped());
    expect(await resolutions(planId)).toEqual([
      ['các sở, ngành, địa phương', 'group', 'all_agencies'],
      ['các tổ chức, đơn vị, cá nhân liên quan', 'external', null],
    ]);
    await expect(
      sql`UPDATE plan_task_body SET resolution = 'not_tracked' WHERE resolution = 'external'`.execute(db.kysely),
    ).rejects.toThrow(/plan_task_body_resolution_check/);

    await up(untyped());
    await sql`UPDATE plan_task_body SET resolution = 'not_tracked', body_group = NULL, agency_id = NULL`.execute(db.kysely);
    expect((await resolutions(planId)).map((r) => r[1])).toEqual(['not_tracked', 'not_tracked']);
  });
});
