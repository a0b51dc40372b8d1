import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../audit/session-actor.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { listReadLog } from '../audit/read-log-repository.ts';
import { casesPermissions, mayTake, mayTakeOn } from '@tre/core';
import * as repo from './repository.ts';
import { assertOnCase, relationOf } from './relation.ts';

/**
 * Who works on a case: the assigned worker (a case worker or officer of the case's commune) and the
 * supervisor (the commune chairman's delegate: a commune officer of that commune, or a provincial
 * officer). The supervisor reassigns and transfers; the administrator grants access to anyone else
 * for a stated reason until a date, and never to themselves.
 */

type Q = Kysely<Database> | Transaction<Database>;

const SUPERVISOR_ROLES = ['commune_officer', 'provincial_officer'] as const;
const WORKER_ROLES = ['case_worker', 'commune_officer', 'provincial_officer'] as const;

/** Refuses a user who cannot hold the part on a case of this commune (named in the error's field). */
export async function assertTeamMember(
  db: Q,
  provinceCode: string,
  userId: string,
  communeCode: string,
  part: 'worker' | 'supervisor',
): Promise<string> {
  const user = await db
    .selectFrom('app_user')
    .select(['role', 'commune_code', 'active', 'display_name'])
    .where('id', '=', userId)
    .where('province_code', '=', provinceCode)
    .executeTakeFirst();
  const roles: readonly string[] = part === 'supervisor' ? SUPERVISOR_ROLES : WORKER_ROLES;
  const fits =
    user?.active === true &&
    roles.includes(user.role) &&
    (user.role === 'provincial_officer' || user.commune_code === communeCode);
  if (!fits) {
    const field = part === 'supervisor' ? 'supervisorId' : 'workerId';
    throw part === 'supervisor'
      ? invalid(
          field,
          'Người giám sát phải là cán bộ của xã này hoặc cán bộ tỉnh',
          "The supervisor must be an officer of this commune or the province's",
        )
      : invalid(
          field,
          'Người phụ trách phải là cán bộ, nhân viên của xã này',
          'The worker must be a worker or officer of this commune',
        );
  }
  // the name the case's timeline shows for the step (an id means nothing to its reader)
  return user.display_name;
}

/** The people who may work on or supervise a case of the commune (the intake's pickers). */
export async function teamOf(db: Kysely<Database>, actor: SessionActor, communeCode: string) {
  // who takes reports for the commune, or a supervisor choosing whom to transfer a case to
  const mayPick =
    mayTakeOn(casesPermissions, 'cases.intake', actor, { communeCode }) || mayTake(casesPermissions, 'cases.approve', actor);
  if (!mayPick) throw forbidden();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'role', 'commune_code'])
    .where('province_code', '=', actor.provinceCode)
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb.and([eb('role', 'in', ['case_worker', 'commune_officer']), eb('commune_code', '=', communeCode)]),
        eb('role', '=', 'provincial_officer'),
      ]),
    )
    .orderBy('display_name')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    canSupervise: (SUPERVISOR_ROLES as readonly string[]).includes(r.role),
  }));
}

async function supervisedCase(trx: Transaction<Database>, actor: SessionActor, id: number) {
  const row = await repo.findCase(trx, actor.provinceCode, id);
  if (!row) throw notFound();
  assertOnCase(actor, 'cases.approve', await relationOf(trx, actor, row));
  return row;
}

async function teamStep(
  trx: Transaction<Database>,
  actor: SessionActor,
  row: { id: number; status: string },
  action: 'assign' | 'transfer',
  data: Record<string, unknown>,
  comment: string | null,
) {
  await trx
    .insertInto('child_case_step')
    .values({
      case_id: row.id,
      action,
      from_status: row.status,
      to_status: row.status,
      actor_id: userIdOf(actor),
      actor_name: actor.displayName,
      form: null,
      data: JSON.stringify(data),
      comment,
    })
    .execute();
  await recordAudit(trx, auditActorOf(actor), {
    action: `case_${action}`,
    entity: 'child_case',
    entityId: String(row.id),
    after: data,
  });
}

export async function updateTeam(
  db: Kysely<Database>,
  actor: SessionActor,
  id: number,
  change: { workerId?: string | null | undefined; supervisorId?: string | undefined },
) {
  await db.transaction().execute(async (trx) => {
    const row = await supervisedCase(trx, actor, id);
    const worker = change.workerId === undefined ? row.worker_id : change.workerId;
    const supervisor = change.supervisorId ?? row.supervisor_id;
    if (worker !== null && worker === supervisor) {
      throw invalid(
        'workerId',
        'Người phụ trách và người giám sát phải là hai người khác nhau',
        'The worker and the supervisor must be two different people',
      );
    }
    const workerName = change.workerId
      ? await assertTeamMember(trx, actor.provinceCode, change.workerId, row.commune_code, 'worker')
      : null;
    const supervisorName = change.supervisorId
      ? await assertTeamMember(trx, actor.provinceCode, change.supervisorId, row.commune_code, 'supervisor')
      : null;
    const set = {
      ...(change.workerId !== undefined ? { worker_id: change.workerId } : {}),
      ...(change.supervisorId !== undefined ? { supervisor_id: change.supervisorId } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('child_case').set(set).where('id', '=', id).execute();
    await teamStep(
      trx,
      actor,
      row,
      'assign',
      {
        // names, not ids: the timeline's reader needs who; a worker taken off shows as null
        ...(change.workerId !== undefined ? { worker: workerName } : {}),
        ...(supervisorName !== null ? { supervisor: supervisorName } : {}),
      },
      null,
    );
  });
}

/** The case moves to another commune, its step unchanged; the new commune's supervisor takes it and assigns a worker. */
export async function transferCase(
  db: Kysely<Database>,
  actor: SessionActor,
  id: number,
  input: { communeCode: string; supervisorId: string; reason: string },
) {
  await db.transaction().execute(async (trx) => {
    const row = await supervisedCase(trx, actor, id);
    if (row.status === 'closed') throw invalid('communeCode', 'Hồ sơ đã đóng', 'The case is closed');
    if (input.communeCode === row.commune_code)
      throw invalid('communeCode', 'Hồ sơ đã ở xã này', 'The case is already in this commune');
    const commune = await trx
      .selectFrom('commune')
      .select(['code', 'name'])
      .where('code', '=', input.communeCode)
      .where('province_code', '=', actor.provinceCode)
      .executeTakeFirst();
    if (!commune) throw invalid('communeCode', 'Không có xã này trong tỉnh', 'No such commune in the province');
    const supervisor = await assertTeamMember(trx, actor.provinceCode, input.supervisorId, input.communeCode, 'supervisor');
    await trx
      .updateTable('child_case')
      .set({ commune_code: input.communeCode, supervisor_id: input.supervisorId, worker_id: null })
      .where('id', '=', id)
      .execute();
    await teamStep(trx, actor, row, 'transfer', { from: row.commune_name, to: commune.name, supervisor }, input.reason);
  });
}

export async function grantAccess(
  db: Kysely<Database>,
  actor: SessionActor,
  id: number,
  input: { userId: string; reason: string; days: number },
  now = new Date(),
) {
  if (!mayTakeOn(casesPermissions, 'cases.grant', actor, {})) throw forbidden();
  if (input.userId === actor.id)
    throw invalid('userId', 'Không tự cấp quyền cho chính mình', 'One may not grant access to oneself');
  return db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, actor.provinceCode, id);
    if (!row) throw notFound();
    const user = await trx
      .selectFrom('app_user')
      .select(['id', 'role'])
      .where('id', '=', input.userId)
      .where('province_code', '=', actor.provinceCode)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!user) throw invalid('userId', 'Không có người dùng này', 'No such user');
    // one administrator granting another would be a grant to oneself by a second account
    if (user.role === 'admin') {
      throw invalid(
        'userId',
        'Không cấp quyền xem hồ sơ cho quản trị viên',
        'Access to a case is not granted to an administrator',
      );
    }
    const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
    const g = await trx
      .insertInto('child_case_grant')
      .values({ case_id: id, user_id: input.userId, reason: input.reason, expires_at: expiresAt, granted_by: userIdOf(actor) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActorOf(actor), {
      action: 'case_grant',
      entity: 'child_case',
      entityId: String(id),
      after: { user: input.userId, reason: input.reason, expiresAt: expiresAt.toISOString() },
    });
    return { id: g.id, expiresAt: expiresAt.toISOString() };
  });
}

/** Who read the case: its supervisor's and the administrator's view of the read log. */
export async function caseAccessLog(db: Kysely<Database>, actor: SessionActor, id: number) {
  const row = await repo.findCase(db, actor.provinceCode, id);
  if (!row) throw notFound();
  assertOnCase(actor, 'cases.accessLog', await relationOf(db, actor, row));
  const rows = await listReadLog(db, actor.provinceCode, { kind: 'case', recordId: String(id), limit: 200 });
  return rows.map((r) => ({ at: r.at.toISOString(), username: r.username, route: r.route, status: r.status, reason: r.reason }));
}
