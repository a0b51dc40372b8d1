import fs from 'node:fs';
import { parseCommunes, parseProvinces } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { STANDING_BODY_SHORT_NAME, defaultAgencies } from './default-agencies.ts';
import * as repo from './repository.ts';

const DATA = new URL('../../data/admin-units/', import.meta.url);
const read = (name: string) => fs.readFileSync(new URL(name, DATA), 'utf8');

export const SETTING_STANDING_BODY = 'standing_body_agency_id';
export const SYSTEM_ACTOR = (provinceCode: string) => ({ id: null, name: 'system', ip: null, provinceCode });

/**
 * Loads the statistics-office lists (all 34 provinces, 3,321 communes, 63 pre-2025 provinces) the
 * first time; the lists are national so that predecessors and ID prefixes resolve anywhere.
 */
export async function seedAdminUnits(db: Kysely<Database>): Promise<boolean> {
  if ((await repo.countRows(db, 'province')) > 0) return false;
  const provinces = parseProvinces(read('provinces.csv'));
  const before = parseProvinces(read('provinces-before-2025.csv'), 'provinces-before-2025.csv');
  const communes = parseCommunes(read('communes.csv'));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('province').values(provinces).execute();
    await trx.insertInto('province_before_2025').values(before).execute();
    for (let i = 0; i < communes.length; i += 500) {
      const chunk = communes.slice(i, i + 500);
      await trx
        .insertInto('commune')
        .values(chunk.map((c) => ({ code: c.code, name: c.name, type: c.type, province_code: c.provinceCode })))
        .execute();
      const predecessors = chunk.flatMap((c) =>
        c.predecessors.map((p) => ({ commune_code: c.code, old_code: p.code, old_name: p.name, extent: p.extent })),
      );
      for (let j = 0; j < predecessors.length; j += 2000) {
        await trx
          .insertInto('commune_predecessor')
          .values(predecessors.slice(j, j + 2000))
          .execute();
      }
    }
  });
  return true;
}

/** Creates the default agency list of the installation's province once, and names the standing body. */
export async function seedAgencies(db: Kysely<Database>, provinceCode: string): Promise<boolean> {
  if ((await repo.countAgencies(db, provinceCode)) > 0) return false;
  const province = await repo.findProvince(db, provinceCode);
  if (!province) throw new Error(`Không có tỉnh mã ${provinceCode} / unknown province code ${provinceCode}`);
  await db.transaction().execute(async (trx) => {
    for (const a of defaultAgencies(province.name)) {
      const row = await repo.insertAgency(trx, provinceCode, {
        kind: a.kind,
        short_name: a.shortName,
        full_name: a.fullName,
        aliases: a.aliases,
        active: a.active ?? true,
      });
      await recordAudit(trx, SYSTEM_ACTOR(provinceCode), { action: 'create', entity: 'agency', entityId: row.id, after: row });
      if (a.shortName === STANDING_BODY_SHORT_NAME) {
        await repo.upsertSetting(trx, provinceCode, SETTING_STANDING_BODY, row.id);
      }
    }
  });
  return true;
}
