import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { hashPassword } from './password.ts';
import * as repo from './repository.ts';

/** The first start creates user `admin`; its password comes from TRE_ADMIN_PASSWORD or is generated. */
export async function createFirstAdmin(db: Kysely<Database>, provinceCode: string, password: string) {
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await repo.insertUser(trx, {
      province_code: provinceCode,
      username: 'admin',
      display_name: 'Quản trị hệ thống',
      password_hash: hash,
      role: 'admin',
      agency_id: null,
      commune_code: null,
    });
    await recordAudit(
      trx,
      { id: null, name: 'system', ip: null, provinceCode },
      { action: 'create', entity: 'user', entityId: user.id, after: user },
    );
  });
}
