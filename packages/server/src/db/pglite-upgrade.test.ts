import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { createUser } from '../access/service.ts';
import { testConfig } from '../test/db.ts';
import { COMMUNE_A } from '../test/factories.ts';
import { DUMPED_TABLES } from './dump.ts';
import { migrationNames } from './migrate.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_plans.ts';
import * as m0003 from './migrations/0003_indicators.ts';
import * as m0004 from './migrations/0004_measure_unit_value.ts';
import * as m0005 from './migrations/0005_measure_baseline.ts';
import { PGLITE_POSTGRES_MAJOR, PGLITE_PREVIOUS_MAJOR, openDb, openPgliteFolder, type Db } from './pool.ts';

/**
 * A data folder written by the previous PGlite (PostgreSQL 18) is made for real with the previous
 * package, then opened by this Tre: it is carried across to PostgreSQL 19 with every row.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-pgup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every dumped table, and the derived measure_unit_value the restore rebuilds, row by row. */
async function snapshot(db: Db) {
  const out: Record<string, string[]> = {};
  for (const t of DUMPED_TABLES) {
    const rows = await sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.table(t.name)} ORDER BY ${sql.join(t.orderBy.map((c) => sql.ref(c)))}`.execute(db.kysely);
    out[t.name] = rows.rows.map((r) => JSON.stringify(r));
  }
  const derived = await sql<Record<string, unknown>>`SELECT * FROM measure_unit_value`.execute(db.kysely);
  out.measure_unit_value = derived.rows.map((r) => JSON.stringify(r)).sort();
  return out;
}

async function serverMajor(db: Db): Promise<string> {
  const { rows } = await db.pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return String(Math.floor(Number(rows[0]?.v) / 10000));
}

const actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'test',
  displayName: 't',
  role: 'admin' as const,
  agencyId: null,
  communeCode: null,
  provinceCode: '40',
  csrfToken: '',
  ip: '127.0.0.1',
};

describe('a PostgreSQL 18 data folder of the earlier Tre', () => {
  const old = path.join(dir, 'data');
  let before: Record<string, string[]>;

  beforeAll(async () => {
    const db = await openDb({ dataDir: old, pglite: 'pg18' });
    try {
      expect(await serverMajor(db)).toBe(PGLITE_PREVIOUS_MAJOR);
      await bootstrap(db, testConfig());
      // a user (and the audit row its creation writes), an agency, a figure
      await createUser(db.kysely, actor, {
        username: 'officer.a',
        displayName: 'Trần Văn Ánh',
        password: 'long-enough-pass',
        role: 'commune_officer',
        communeCode: COMMUNE_A,
      });
      await db.kysely
        .insertInto('agency')
        .values({
          province_code: '40',
          kind: 'other',
          short_name: 'TT Bảo trợ XH số 2',
          full_name: 'Trung tâm Bảo trợ xã hội số 2',
          aliases: ['BTXH2'],
        })
        .execute();
      const element = await db.kysely
        .selectFrom('data_element')
        .select('code')
        .where(sql<boolean>`cardinality(categories) = 0`)
        .orderBy('code')
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('data_value')
        .values({
          province_code: '40',
          element_code: element.code,
          unit_kind: 'commune',
          unit_code: COMMUNE_A,
          period: '2025',
          disaggregation: '',
          value: 42,
          entered_by: null,
          entered_by_name: 'Trần Văn Ánh',
        })
        .execute();
      before = await snapshot(db);
    } finally {
      await db.close();
    }
    expect(fs.readFileSync(path.join(old, 'pgdata', 'PG_VERSION'), 'utf8').trim()).toBe(PGLITE_PREVIOUS_MAJOR);
  }, 180_000); // bootstrapping on the previous PGlite: slow on a loaded CI machine

  // the upgrade of a folder with the whole catalogue and every commune takes some 25 s on two cores
  it(
    'is carried across to PostgreSQL 19 when opened, with every row, the old folder and the dump kept beside it',
    { timeout: 180_000 },
    async () => {
      const db = await openDb({ dataDir: old });
      try {
        expect(await serverMajor(db)).toBe(PGLITE_POSTGRES_MAJOR);
        const after = await snapshot(db);
        expect(after).toEqual(before);
        expect(after.app_user).toHaveLength(2);
        expect(after.data_value).toHaveLength(1);
        expect(after.audit_event?.length).toBeGreaterThan(0);
        expect(after.agency?.some((r) => r.includes('TT Bảo trợ XH số 2'))).toBe(true);
      } finally {
        await db.close();
      }
      expect(fs.readFileSync(path.join(old, 'pgdata', 'PG_VERSION'), 'utf8').trim()).toBe(PGLITE_POSTGRES_MAJOR);
      const entries = fs.readdirSync(old).sort();
      const backup = entries.find((e) => /^pgdata\.pg18-\d{8}T\d{6}Z$/.test(e));
      expect(backup).toBeDefined();
      expect(entries).toEqual(['pgdata', `${backup}`, `${backup}.jsonl`]);
      // the backup is the earlier Tre's folder as it was: PostgreSQL 18, and the previous PGlite opens it
      expect(fs.readFileSync(path.join(old, `${backup}`, 'PG_VERSION'), 'utf8').trim()).toBe(PGLITE_PREVIOUS_MAJOR);
      const dumpHeader = JSON.parse(fs.readFileSync(path.join(old, `${backup}.jsonl`), 'utf8').split('\n')[0] ?? '') as {
        format: string;
      };
      expect(dumpHeader.format).toBe('tre.dump/v1');
    },
  );

  it('opens normally the next time, without another upgrade', async () => {
    const listing = fs.readdirSync(old).sort();
    const db = await openDb({ dataDir: old });
    try {
      expect(await serverMajor(db)).toBe(PGLITE_POSTGRES_MAJOR);
      expect(await snapshot(db)).toEqual(before);
      await bootstrap(db, testConfig()); // a normal start after the upgrade: nothing to seed, no new admin
      expect((await snapshot(db)).app_user).toHaveLength(2);
    } finally {
      await db.close();
    }
    expect(fs.readdirSync(old).sort()).toEqual(listing);
  });
});

describe('a folder the earlier Tre left at its last migrations (0001–0005, the last commit on PGlite 0.5)', () => {
  const data = path.join(dir, 'at-0005');
  const nfd = (s: string) => s.normalize('NFD');
  const names = async (db: Db) =>
    (await sql<{ name: string }>`SELECT name FROM tre_migration ORDER BY name`.execute(db.kysely)).rows.map((r) => r.name);

  it(
    'is brought up to this Tre on the way (0009 puts names in NFC), while the backup keeps the earlier schema and data',
    { timeout: 180_000 },
    async () => {
      const earlier = await openDb({ dataDir: data, pglite: 'pg18' });
      try {
        // the migrations the earlier Tre registered, from their files, which are never edited once landed
        const migrator = new Migrator({
          db: earlier.kysely,
          provider: {
            getMigrations: () =>
              Promise.resolve({
                '0001_foundation': m0001,
                '0002_plans': m0002,
                '0003_indicators': m0003,
                '0004_measure_unit_value': m0004,
                '0005_measure_baseline': m0005,
              }),
          },
          migrationTableName: 'tre_migration',
          migrationLockTableName: 'tre_migration_lock',
        });
        const { error } = await migrator.migrateToLatest();
        if (error) throw error instanceof Error ? error : new Error(String(error));
        await sql`INSERT INTO province (code, name) VALUES ('40', 'Nghệ An')`.execute(earlier.kysely);
        await sql`INSERT INTO agency (province_code, kind, short_name, full_name) VALUES ('40', 'department', ${nfd('Sở Y tế')}, ${nfd('Sở Y tế tỉnh Nghệ An')})`.execute(
          earlier.kysely,
        );
      } finally {
        await earlier.close();
      }

      const db = await openDb({ dataDir: data });
      try {
        expect(await names(db)).toEqual(migrationNames);
        const agency = await db.kysely.selectFrom('agency').select(['short_name', 'full_name']).executeTakeFirstOrThrow();
        expect(agency).toEqual({ short_name: 'Sở Y tế'.normalize('NFC'), full_name: 'Sở Y tế tỉnh Nghệ An'.normalize('NFC') });
      } finally {
        await db.close();
      }

      // the backup is the earlier Tre's folder untouched: the previous PGlite opens it, at 0005, names as they were
      const backup = fs.readdirSync(data).find((e) => /^pgdata\.pg18-\d{8}T\d{6}Z$/.test(e));
      expect(backup).toBeDefined();
      const kept = await openPgliteFolder(path.join(data, `${backup}`), 'pg18');
      try {
        expect(await names(kept)).toEqual(migrationNames.slice(0, 5));
        const agency = await kept.kysely.selectFrom('agency').select('short_name').executeTakeFirstOrThrow();
        expect(agency.short_name).toBe(nfd('Sở Y tế'));
      } finally {
        await kept.close();
      }
    },
  );
});

describe('an upgrade that fails', () => {
  it('leaves the original folder exactly where and as it was, removes what it made, and says so in both languages', async () => {
    const data = path.join(dir, 'broken');
    const pgdata = path.join(data, 'pgdata');
    fs.mkdirSync(path.join(pgdata, 'base'), { recursive: true });
    fs.writeFileSync(path.join(pgdata, 'PG_VERSION'), `${PGLITE_PREVIOUS_MAJOR}\n`);
    fs.writeFileSync(path.join(pgdata, 'base', 'garbage'), 'không phải dữ liệu PostgreSQL');
    const opening = openDb({ dataDir: data });
    await expect(opening).rejects.toThrow(
      new RegExp(
        `Không nâng cấp được dữ liệu sang PostgreSQL 19.*vẫn nguyên ở ${pgdata}.*\\nCould not upgrade.*untouched at ${pgdata}`,
        's',
      ),
    );
    expect(fs.readdirSync(data)).toEqual(['pgdata']); // no backup, no work folders, no lock
    expect(fs.readdirSync(pgdata).sort()).toEqual(['PG_VERSION', 'base']);
    expect(fs.readdirSync(path.join(pgdata, 'base'))).toEqual(['garbage']);
    expect(fs.readFileSync(path.join(pgdata, 'base', 'garbage'), 'utf8')).toBe('không phải dữ liệu PostgreSQL');
  });
});
