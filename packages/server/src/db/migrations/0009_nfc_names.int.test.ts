import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../pool.ts';
import { TEST_PROVINCE, openTestDb } from '../../test/db.ts';
import { makeUser } from '../../test/factories.ts';
import { up } from './0009_nfc_names.ts';

/** An install that stored decomposed (NFD) names before requests were normalised. */
let db: Db;
const untyped = () => db.kysely as unknown as Kysely<unknown>;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

const nfd = (s: string) => s.normalize('NFD');

describe('migration 0009 on an install holding decomposed names', () => {
  it('stores agency names, aliases and display names in NFC, and leaves a short name that would collide', async () => {
    const insert = (shortName: string) =>
      db.kysely
        .insertInto('agency')
        .values({
          province_code: TEST_PROVINCE,
          kind: 'other',
          short_name: shortName,
          full_name: nfd('Ban Điều phối ') + shortName,
          aliases: [nfd('Điều phối'), 'BĐP'],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const plain = await insert(nfd('Ban Điều phối'));
    const twin = await insert(nfd('Sở Y tế')); // the precomposed "Sở Y tế" is seeded
    const user = await makeUser(db, { role: 'viewer' });
    await db.kysely
      .updateTable('app_user')
      .set({ display_name: nfd('Lê Thị Hồng') })
      .where('id', '=', user.id)
      .execute();

    await up(untyped());

    const agencies = await db.kysely
      .selectFrom('agency')
      .select(['id', 'short_name', 'full_name', 'aliases'])
      .where('id', 'in', [plain.id, twin.id])
      .execute();
    const byId = new Map(agencies.map((a) => [a.id, a]));
    expect(byId.get(plain.id)).toMatchObject({
      short_name: 'Ban Điều phối',
      full_name: 'Ban Điều phối Ban Điều phối',
      aliases: ['Điều phối', 'BĐP'],
    });
    expect(byId.get(twin.id)?.short_name).toBe(nfd('Sở Y tế'));
    expect(byId.get(twin.id)?.full_name).toBe('Ban Điều phối Sở Y tế');
    const row = await db.kysely.selectFrom('app_user').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe('Lê Thị Hồng');
  });
});
