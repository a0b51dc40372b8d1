import crypto from 'node:crypto';
import {
  accessPermissions,
  cleanText,
  ErrorCode,
  lockSecondsAfter,
  mayTakeOn,
  MIN_PASSWORD_LENGTH,
  type Role,
  scopeKindOf,
  type NewUserRequest,
  type UserPatchRequest,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError, forbidden, invalid, notFound } from '../errors.ts';
import * as units from '../units/repository.ts';
import { recordAudit } from '../audit/audit.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import * as repo from './repository.ts';
import { auditActorOf, type SessionActor } from '../audit/session-actor.ts';
import { cacheSession, cachedSession, evictSession, evictUserSessions } from './session-cache.ts';
import {
  deviceToken,
  deviceTokenValid,
  ipWaitSeconds,
  recordIpFailure,
  recordUnknownUserFailure,
  unknownUserLockSeconds,
} from './signin-throttle.ts';

export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

function assertPasswordStrength(password: string, field: string): void {
  // counted in code points, as NIST SP 800-63B counts a password (not UTF-16 units, not graphemes)
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) {
    throw new TreError(ErrorCode.WeakPassword, { field, params: { min: MIN_PASSWORD_LENGTH } });
  }
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  /** who is now signed in, as later requests of the session will see them (so none reads it back) */
  actor: SessionActor;
  /** A fresh device cookie for this browser and account (see signin-throttle.ts). */
  deviceToken: string;
}

/** Where a sign-in comes from: the client address and the browser's device cookie, if any. */
export interface SignInClient {
  ip: string | null;
  deviceToken?: string | undefined;
}

/**
 * Sign-in answers alike for an unknown username, a disabled account and a wrong password: the same
 * BAD_CREDENTIALS reply, the same scrypt cost (a real hash of the current parameters for unknown
 * usernames), and the same lock-out after the same number of failures. Only an active account with
 * its right password gets in.
 */
export async function signIn(
  db: Kysely<Database>,
  provinceCode: string,
  input: { username: string; password: string },
  client: SignInClient,
  now = new Date(),
): Promise<SignInResult> {
  const { ip } = client;
  const username = input.username.trim().toLowerCase();
  const found = await repo.findUserByUsername(db, username);
  const user = found && found.province_code === provinceCode ? found : undefined;
  const ipWait = ipWaitSeconds(ip, now.getTime());
  if (ipWait > 0 && !(user && deviceTokenValid(client.deviceToken, user.username, user.password_hash, now.getTime()))) {
    throw new TreError(ErrorCode.TooManyAttempts, { params: { seconds: ipWait } });
  }
  if (!user) {
    const locked = unknownUserLockSeconds(username, now.getTime());
    if (locked > 0) throw new TreError(ErrorCode.AccountLocked, { params: { seconds: locked } });
    await verifyPassword(input.password, await dummyHash()); // same cost as a real check
    recordIpFailure(ip, now.getTime());
    const lockSeconds = recordUnknownUserFailure(username, now.getTime());
    if (lockSeconds > 0) throw new TreError(ErrorCode.AccountLocked, { params: { seconds: lockSeconds } });
    throw new TreError(ErrorCode.BadCredentials);
  }
  if (user.locked_until && user.locked_until > now) {
    const seconds = Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000);
    throw new TreError(ErrorCode.AccountLocked, { params: { seconds } });
  }
  const ok = await verifyPassword(input.password, user.password_hash);
  const audit = { id: user.id, name: user.username, ip, provinceCode };
  // A disabled account fails like a wrong password, whether the password is right or not, so the
  // reply does not confirm a password (nor that the account exists).
  if (!ok || !user.active) {
    recordIpFailure(ip, now.getTime());
    const failures = user.failed_signins + 1;
    const lockSeconds = lockSecondsAfter(failures);
    await db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, user.id, {
        failed_signins: failures,
        locked_until: lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000) : null,
      });
      await recordAudit(trx, audit, {
        action: 'signin_failed',
        entity: 'user',
        entityId: user.id,
        after: { failed_signins: failures, locked_seconds: lockSeconds, ...(user.active ? {} : { account_disabled: true }) },
      });
    });
    if (lockSeconds > 0) throw new TreError(ErrorCode.AccountLocked, { params: { seconds: lockSeconds } });
    throw new TreError(ErrorCode.BadCredentials);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { failed_signins: 0, locked_until: null, last_signin_at: now });
    await repo.deleteExpiredSessions(trx, now); // keeps the table to live sessions without a timer
    await repo.insertSession(trx, {
      token_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: expiresAt,
    });
    await recordAudit(trx, audit, { action: 'signin', entity: 'user', entityId: user.id });
  });
  const actor: SessionActor = {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    agencyId: user.agency_id,
    communeCode: user.commune_code,
    provinceCode: user.province_code,
    csrfToken,
    ip,
  };
  cacheSession(hashToken(token), actor, expiresAt.getTime(), now.getTime());
  return {
    token,
    csrfToken,
    expiresAt,
    userId: user.id,
    actor,
    deviceToken: deviceToken(user.username, user.password_hash, now.getTime()),
  };
}

export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  ip: string | null,
  now = new Date(),
): Promise<SessionActor | undefined> {
  const tokenHash = hashToken(token);
  const cached = cachedSession(tokenHash, now.getTime());
  if (cached) return { ...cached.actor, ip };
  const row = await repo.findSessionUser(db, tokenHash);
  if (!row || row.expires_at <= now || !row.active) return undefined;
  const actor: SessionActor = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
    communeCode: row.commune_code,
    provinceCode: row.province_code,
    csrfToken: row.csrf_token,
    ip,
  };
  cacheSession(tokenHash, actor, row.expires_at.getTime(), now.getTime());
  return actor;
}

export async function signOut(db: Kysely<Database>, actor: SessionActor, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, hashToken(token));
    await recordAudit(trx, auditActorOf(actor), { action: 'signout', entity: 'user', entityId: actor.id });
  });
  evictSession(hashToken(token)); // after the commit, so no request re-caches the old row
}

/** Checks that the scope fits the role: a reporter needs an agency, commune roles a commune of this province. */
async function checkScope(
  db: Kysely<Database>,
  provinceCode: string,
  role: Role,
  agencyId: string | null,
  communeCode: string | null,
): Promise<void> {
  const kind = scopeKindOf(role);
  if (kind === 'agency' && !agencyId) {
    throw invalid(
      'agencyId',
      'Cán bộ báo cáo của sở, ngành phải thuộc một cơ quan',
      'An agency reporter must belong to an agency',
    );
  }
  if (kind === 'commune' && !communeCode) {
    throw invalid('communeCode', 'Vai trò cấp xã phải gắn với một xã, phường', 'A commune role must be bound to a commune');
  }
  if (kind !== 'commune' && communeCode) {
    throw invalid('communeCode', 'Chỉ vai trò cấp xã mới gắn với xã, phường', 'Only commune roles are bound to a commune');
  }
  if (agencyId && !(await units.findAgency(db, provinceCode, agencyId))) {
    throw invalid('agencyId', 'Cơ quan không tồn tại trong tỉnh', 'No such agency in this province');
  }
  if (communeCode) {
    const commune = await units.findCommune(db, communeCode);
    if (!commune || commune.province_code !== provinceCode) {
      throw invalid(
        'communeCode',
        `Xã, phường mã ${communeCode} không thuộc tỉnh`,
        `Commune ${communeCode} is not in this province`,
      );
    }
  }
}

export async function createUser(db: Kysely<Database>, actor: SessionActor, input: NewUserRequest) {
  assertPasswordStrength(input.password, 'password');
  const agencyId = input.agencyId ?? null;
  const communeCode = input.communeCode ?? null;
  await checkScope(db, actor.provinceCode, input.role, agencyId, communeCode);
  const username = input.username.trim().toLowerCase();
  if (await repo.findUserByUsername(db, username)) {
    throw new TreError(ErrorCode.Conflict, {
      field: 'username',
      detail: { vi: `Tên đăng nhập "${username}" đã có người dùng`, en: `Username "${username}" is taken` },
    });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const user = await repo.insertUser(trx, {
      province_code: actor.provinceCode,
      username,
      display_name: cleanText(input.displayName.trim()),
      password_hash: passwordHash,
      role: input.role,
      agency_id: agencyId,
      commune_code: communeCode,
    });
    await recordAudit(trx, auditActorOf(actor), { action: 'create', entity: 'user', entityId: user.id, after: user });
    return user;
  });
}

export async function updateUser(db: Kysely<Database>, actor: SessionActor, id: string, patch: UserPatchRequest) {
  const before = await repo.findUserById(db, actor.provinceCode, id);
  if (!before) throw notFound({ vi: 'người dùng', en: 'User' });
  if (id === actor.id && (patch.active === false || (patch.role && patch.role !== before.role))) {
    throw invalid(
      'role',
      'Không thể tự khóa hoặc tự đổi vai trò của mình',
      'You cannot disable yourself or change your own role',
    );
  }
  const role = patch.role ?? before.role;
  const agencyId = patch.agencyId !== undefined ? patch.agencyId : before.agency_id;
  const communeCode =
    patch.communeCode !== undefined ? patch.communeCode : scopeKindOf(role) === 'commune' ? before.commune_code : null;
  await checkScope(db, actor.provinceCode, role, agencyId, communeCode);
  if (patch.password !== undefined) assertPasswordStrength(patch.password, 'password');
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  const updated = await db.transaction().execute(async (trx) => {
    const after = await repo.updateUser(trx, id, {
      ...(patch.displayName !== undefined ? { display_name: cleanText(patch.displayName.trim()) } : {}),
      role,
      agency_id: agencyId,
      commune_code: communeCode,
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      // a reset password also lifts a lock-out
      ...(passwordHash ? { password_hash: passwordHash, failed_signins: 0, locked_until: null } : {}),
    });
    // A disabled account, a new role or a new password ends the user's open sessions at once.
    if (patch.active === false || role !== before.role || passwordHash) await repo.deleteSessionsOfUser(trx, id);
    await recordAudit(trx, auditActorOf(actor), {
      action: passwordHash ? 'update_password' : 'update',
      entity: 'user',
      entityId: id,
      before,
      after: { ...after, ...(passwordHash ? { password: '[changed]' } : {}) },
    });
    return after;
  });
  // after the commit: a cached session must not keep an old role or scope
  evictUserSessions(id);
  return updated;
}

/**
 * A wrong current password counts towards the account's lock-out like a failed sign-in and is
 * audited: a stolen session must not become an unthrottled password oracle. A new password ends the
 * user's other sessions (another browser, a forgotten computer) and keeps the one that changed it.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  actor: SessionActor,
  sessionToken: string,
  current: string,
  next: string,
  now = new Date(),
) {
  const user = await repo.findUserByUsername(db, actor.username);
  if (!user || user.id !== actor.id) throw new TreError(ErrorCode.NotSignedIn);
  if (user.locked_until && user.locked_until > now) {
    const seconds = Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000);
    throw new TreError(ErrorCode.AccountLocked, { params: { seconds } });
  }
  if (!(await verifyPassword(current, user.password_hash))) {
    const failures = user.failed_signins + 1;
    const lockSeconds = lockSecondsAfter(failures);
    await db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, user.id, {
        failed_signins: failures,
        locked_until: lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000) : null,
      });
      await recordAudit(trx, auditActorOf(actor), {
        action: 'password_change_failed',
        entity: 'user',
        entityId: user.id,
        after: { failed_signins: failures, locked_seconds: lockSeconds },
      });
    });
    if (lockSeconds > 0) throw new TreError(ErrorCode.AccountLocked, { params: { seconds: lockSeconds } });
    throw new TreError(ErrorCode.BadCredentials, { field: 'currentPassword' });
  }
  assertPasswordStrength(next, 'newPassword');
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, actor.id, { password_hash: hash, failed_signins: 0, locked_until: null });
    await repo.deleteSessionsOfUser(trx, actor.id, { except: hashToken(sessionToken) });
    await recordAudit(trx, auditActorOf(actor), { action: 'update_password', entity: 'user', entityId: actor.id });
  });
  evictUserSessions(actor.id); // after the commit; the current session is re-read from the database
}

/**
 * The people working for one commune: commune-scoped data. A commune officer sees only their own
 * commune; an agency reporter sees none. Other modules' commune data follow the same rule.
 */
export async function getCommuneStaff(db: Kysely<Database>, actor: SessionActor, code: string) {
  const commune = await units.findCommune(db, code);
  if (!commune || commune.province_code !== actor.provinceCode) {
    throw notFound({ vi: `xã, phường mã ${code} trong tỉnh`, en: `Commune ${code} in this province` });
  }
  if (!mayTakeOn(accessPermissions, 'staff.read', actor, { communeCode: code })) throw forbidden();
  return repo.listUsers(db, actor.provinceCode, { communeCode: code, limit: 500, offset: 0 });
}
