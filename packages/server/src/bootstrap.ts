import { sql } from 'kysely';
import type { Config } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Db } from './db/pool.ts';
import { generatePassword } from './access/password.ts';
import * as users from './access/repository.ts';
import { createFirstAdmin } from './access/first-admin.ts';
import { seedAdminUnits, seedAgencies } from './units/seed.ts';
import { seedCatalogue } from './indicators/catalogue/store.ts';
import { seedOfficeCalendar } from './cases/calendar/service.ts';
import { seedRuleSet } from './communes/service.ts';

export interface BootstrapResult {
  migrations: string[];
  seededUnits: boolean;
  seededAgencies: boolean;
  /** Set only when the first administrator was created with a generated password: print it once. */
  generatedAdminPassword?: string;
}

/** Everything a first start needs, and nothing on later starts: idempotent. */
export async function bootstrap(db: Db, config: Pick<Config, 'provinceCode' | 'adminPassword'>): Promise<BootstrapResult> {
  const migrations = await migrateToLatest(db);
  const seededUnits = await seedAdminUnits(db.kysely);
  const other = await db.kysely
    .selectFrom('app_user')
    .select('province_code')
    .where('province_code', '<>', config.provinceCode)
    .executeTakeFirst();
  if (other) {
    throw new Error(
      `Cơ sở dữ liệu này phục vụ tỉnh mã ${other.province_code}, nhưng TRE_PROVINCE=${config.provinceCode}.\n` +
        `This database serves province ${other.province_code}, but TRE_PROVINCE=${config.provinceCode}.`,
    );
  }
  const seededAgencies = await seedAgencies(db.kysely, config.provinceCode);
  await seedCatalogue(db.kysely);
  // the shipped years of the public offices' calendar, each only while the year has no row
  await seedOfficeCalendar(db.kysely);
  // the child-friendly commune rule set of Quyết định 06/2019, while the province has none
  await seedRuleSet(db.kysely, config.provinceCode);
  // fresh tables have no statistics: without them the planner sorts instead of using the indexes;
  // PGlite has no autovacuum to keep them current, so there every start refreshes them (db/statistics.ts)
  if (seededUnits || db.engine === 'pglite') await sql`ANALYZE`.execute(db.kysely);
  const result: BootstrapResult = { migrations, seededUnits, seededAgencies };
  if ((await users.countUsers(db.kysely)) === 0) {
    const password = config.adminPassword ?? generatePassword();
    await createFirstAdmin(db.kysely, config.provinceCode, password);
    if (!config.adminPassword) result.generatedAdminPassword = password;
  }
  return result;
}
