import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { migrateToLatest, migrationNames } from './migrate.ts';
import type { Db } from './pool.ts';
import { openEmptyTestDb, testConfig } from '../test/db.ts';

let db: Db;
beforeAll(async () => {
  db = await openEmptyTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('migrations and first start', () => {
  it('creates the schema on an empty database, then does nothing on a second run', async () => {
    expect(await migrateToLatest(db)).toEqual(migrationNames);
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = await sql<{
      table_name: string;
    }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`.execute(db.kysely);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'agency',
        'app_user',
        'audit_event',
        'commune',
        'commune_predecessor',
        'province',
        'province_before_2025',
        'session',
        'setting',
      ]),
    );
  });

  it('loads the official units and creates the administrator once', async () => {
    const first = await bootstrap(db, testConfig());
    expect(first).toMatchObject({ seededUnits: true, seededAgencies: true });
    const second = await bootstrap(db, testConfig());
    expect(second).toMatchObject({ seededUnits: false, seededAgencies: false, migrations: [] });
    const count = async (t: 'province' | 'commune' | 'province_before_2025' | 'commune_predecessor') =>
      (
        await db.kysely
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count('province')).toBe(34);
    expect(await count('commune')).toBe(3321);
    expect(await count('province_before_2025')).toBe(63);
    expect(await count('commune_predecessor')).toBe(10604);
    const admins = await db.kysely.selectFrom('app_user').select(['username', 'role']).execute();
    expect(admins).toEqual([{ username: 'admin', role: 'admin' }]);
  });

  it('refuses to start with a different province than the one the database serves', async () => {
    await expect(bootstrap(db, testConfig({ provinceCode: '01' }))).rejects.toThrow(/phục vụ tỉnh mã 40/);
  });

  it('folds Vietnamese names for search the same way on every engine', async () => {
    const r = await sql<{ f: string }>`SELECT tre_fold('Đắk Lắk - Phường Đống Đa') AS f`.execute(db.kysely);
    expect(r.rows[0]?.f).toBe('dak lak - phuong dong da');
  });
});
