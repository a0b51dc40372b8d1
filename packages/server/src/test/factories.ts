import crypto from 'node:crypto';
import type { Role } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/pool.ts';
import { hashPassword } from '../access/password.ts';
import { insertUser } from '../access/repository.ts';
import { TEST_PROVINCE } from './db.ts';

export const PASSWORD = 'correct-horse-42';
let passwordHash: Promise<string> | undefined;

/** Two communes of Nghệ An used across tests. */
export const COMMUNE_A = '16681'; // Phường Thành Vinh
export const COMMUNE_B = '17827'; // Xã Nghi Lộc

export async function makeUser(
  db: Db,
  opts: { role: Role; communeCode?: string; agencyId?: string; username?: string; active?: boolean },
) {
  passwordHash ??= hashPassword(PASSWORD);
  const user = await insertUser(db.kysely, {
    province_code: TEST_PROVINCE,
    username: opts.username ?? `${opts.role.replace('_', '')}-${crypto.randomBytes(4).toString('hex')}`,
    display_name: `Người thử ${opts.role}`,
    password_hash: await passwordHash,
    role: opts.role,
    agency_id: opts.agencyId ?? null,
    commune_code: opts.communeCode ?? null,
  });
  if (opts.active === false) {
    await db.kysely.updateTable('app_user').set({ active: false }).where('id', '=', user.id).execute();
  }
  return user;
}

export async function firstAgencyId(db: Db, shortName = 'Sở GD&ĐT'): Promise<string> {
  const row = await db.kysely.selectFrom('agency').select('id').where('short_name', '=', shortName).executeTakeFirstOrThrow();
  return row.id;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Signs in through the real HTTP routes and returns what a browser would hold. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'tre_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `tre_session=${setCookie.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export async function auditCount(db: Db): Promise<number> {
  const r = await db.kysely
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
