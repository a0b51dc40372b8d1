import type { Role } from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { AppUserTable, Database } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** What the API shows of a user (never the password hash). */
export const userColumns = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.role',
  'app_user.agency_id',
  'app_user.commune_code',
  'app_user.active',
  'app_user.locked_until',
  'app_user.last_signin_at',
  'app_user.created_at',
] as const;

export async function findUserByUsername(db: Q, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Q, provinceCode: string, id: string) {
  return db
    .selectFrom('app_user')
    .select(userColumns)
    .where('id', '=', id)
    .where('province_code', '=', provinceCode)
    .executeTakeFirst();
}

export async function listUsers(
  db: Q,
  provinceCode: string,
  filter: { communeCode?: string | undefined; q?: string | undefined; limit: number; offset: number },
) {
  let query = db
    .selectFrom('app_user')
    .leftJoin('agency', 'agency.id', 'app_user.agency_id')
    .leftJoin('commune', 'commune.code', 'app_user.commune_code')
    .select([...userColumns, 'agency.short_name as agency_name', 'commune.name as commune_name'])
    .where('app_user.province_code', '=', provinceCode);
  if (filter.communeCode) query = query.where('app_user.commune_code', '=', filter.communeCode);
  if (filter.q) {
    const like = `%${filter.q}%`;
    query = query.where((eb) =>
      eb.or([
        eb('app_user.username', 'ilike', like),
        eb(sql<string>`tre_fold(app_user.display_name)`, 'like', sql<string>`'%' || tre_fold(${filter.q}) || '%'`),
      ]),
    );
  }
  return query.orderBy('app_user.username').limit(filter.limit).offset(filter.offset).execute();
}

export async function countUsers(db: Q): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertUser(
  db: Q,
  values: Pick<
    AppUserTable,
    'province_code' | 'username' | 'display_name' | 'password_hash' | 'role' | 'agency_id' | 'commune_code'
  >,
) {
  return db.insertInto('app_user').values(values).returning(userColumns).executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Q,
  id: string,
  values: Partial<{
    display_name: string;
    role: Role;
    agency_id: string | null;
    commune_code: string | null;
    active: boolean;
    password_hash: string;
    failed_signins: number;
    locked_until: Date | null;
    last_signin_at: Date;
  }>,
) {
  return db
    .updateTable('app_user')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}

export async function insertSession(db: Q, row: { token_hash: string; user_id: string; csrf_token: string; expires_at: Date }) {
  await db.insertInto('session').values(row).execute();
}

/** The session and its user in one indexed lookup: this runs on every request. */
export async function findSessionUser(db: Q, tokenHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.csrf_token',
      'session.expires_at',
      'app_user.id',
      'app_user.username',
      'app_user.display_name',
      'app_user.role',
      'app_user.agency_id',
      'app_user.commune_code',
      'app_user.province_code',
      'app_user.active',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function deleteSession(db: Q, tokenHash: string) {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Ends the user's sessions, all of them or all but one (the one that changed the password). */
export async function deleteSessionsOfUser(db: Q, userId: string, options: { except?: string } = {}) {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (options.except !== undefined) query = query.where('token_hash', '<>', options.except);
  await query.execute();
}

export async function deleteExpiredSessions(db: Q, now: Date) {
  await db.deleteFrom('session').where('expires_at', '<', now).execute();
}
