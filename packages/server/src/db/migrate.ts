import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Db } from './pool.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_plans.ts';
import * as m0003 from './migrations/0003_indicators.ts';
import * as m0004 from './migrations/0004_measure_unit_value.ts';
import * as m0005 from './migrations/0005_measure_baseline.ts';
import * as m0006 from './migrations/0006_import_job.ts';
import * as m0007 from './migrations/0007_access_log.ts';
import * as m0008 from './migrations/0008_count_bounds.ts';
import * as m0009 from './migrations/0009_nfc_names.ts';
import * as m0010 from './migrations/0010_target_kinds.ts';
import * as m0011 from './migrations/0011_body_decisions.ts';
import * as m0012 from './migrations/0012_task_path.ts';
import * as m0013 from './migrations/0013_reporting.ts';
import * as m0014 from './migrations/0014_round_deadline_source.ts';
import * as m0015 from './migrations/0015_children.ts';
import * as m0016 from './migrations/0016_child_stage_json.ts';
import * as m0017 from './migrations/0017_child_given_name.ts';
import * as m0018 from './migrations/0018_office_calendar.ts';
import * as m0019 from './migrations/0019_cases.ts';
import * as m0020 from './migrations/0020_communes.ts';

/** Migrations are listed here, in order; each file is named NNNN_what.ts and never edited once landed. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_plans': m0002,
  '0003_indicators': m0003,
  '0004_measure_unit_value': m0004,
  '0005_measure_baseline': m0005,
  '0006_import_job': m0006,
  '0007_access_log': m0007,
  '0008_count_bounds': m0008,
  '0009_nfc_names': m0009,
  '0010_target_kinds': m0010,
  '0011_body_decisions': m0011,
  '0012_task_path': m0012,
  '0013_reporting': m0013,
  '0014_round_deadline_source': m0014,
  '0015_children': m0015,
  '0016_child_stage_json': m0016,
  '0017_child_given_name': m0017,
  '0018_office_calendar': m0018,
  '0019_cases': m0019,
  '0020_communes': m0020,
};

class InCodeProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations);
  }
}

export const migrationNames = Object.keys(migrations);

/** Brings the schema up to date; the same migrations run on PGlite and on a PostgreSQL server. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: new InCodeProvider(),
    migrationTableName: 'tre_migration',
    migrationLockTableName: 'tre_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
