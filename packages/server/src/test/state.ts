import { expect } from 'vitest';
import type { Db } from '../db/pool.ts';

/**
 * What the access tests compare before and after a refused call: the stored figures (every cell,
 * in a stable order) and how many history rows they have.
 */
export async function storedFigures(db: Db) {
  return {
    values: await db.kysely
      .selectFrom('data_value')
      .select(['unit_code', 'element_code', 'period', 'disaggregation', 'value'])
      .orderBy('unit_code')
      .orderBy('element_code')
      .orderBy('period')
      .orderBy('disaggregation')
      .execute(),
    history: (await db.kysely.selectFrom('data_value_history').select('id').execute()).length,
  };
}

/** Sends a call that must be refused with `status`, and checks that `state` is the same after it. */
export async function expectRefused<T>(
  state: () => Promise<T>,
  send: () => Promise<{ statusCode: number; body: string }>,
  status: number,
): Promise<{ statusCode: number; body: string }> {
  const before = await state();
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  expect(await state()).toEqual(before);
  return res;
}
