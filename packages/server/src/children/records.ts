import {
  CHILD_FIELDS,
  childrenPermissions,
  mayTakeOn,
  normaliseChildRow,
  scopeOf,
  vietnamDate,
  type ChildCells,
  type ChildDraft,
  type ChildField,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../audit/session-actor.ts';
import { TreError, forbidden, invalid, notFound } from '../errors.ts';
import { ErrorCode } from '@tre/core';
import { communes } from './communes.ts';
import { childColumns } from './columns.ts';
import { getChildRow } from './service.ts';
import { isActiveChild, lastDayAsChild } from './dates.ts';
import type { ChildRow } from './repository.ts';

/**
 * A record typed on the screen, and changes to one: the same rules as a spreadsheet row (core
 * children/layout), the change of each field kept in child_history with who and when, and the open
 * group memberships following the groups field (a letter added starts a membership today, a letter
 * removed ends it). Moving a child to another commune is a change of the commune like any other,
 * allowed when the actor reaches both communes.
 */

export type ChildInput = Partial<Record<ChildField, string | null>>;

const SCHOOLING_TEXT: Record<string, string> = {
  none: 'Chưa đi học',
  preschool: 'Mầm non',
  primary: 'Tiểu học',
  lower_secondary: 'THCS',
  upper_secondary: 'THPT',
  dropped_out: 'Bỏ học',
};

function normalise(cells: ChildCells, today: string): ChildDraft {
  const result = normaliseChildRow(cells, { today, resolveCommune: communes() });
  const first = result.problems[0];
  if (!result.draft || first) {
    throw invalid(first?.field ?? 'fullName', first?.reason.vi ?? 'Dữ liệu không hợp lệ', first?.reason.en ?? 'Invalid input');
  }
  return result.draft;
}

const COLUMN: Record<Exclude<ChildField, 'groups' | 'identifiedOn'>, keyof ChildRow> = {
  fullName: 'full_name',
  birthDate: 'birth_date',
  sex: 'sex',
  ethnicity: 'ethnicity',
  personalId: 'personal_id',
  communeCode: 'commune_code',
  address: 'address',
  motherName: 'mother_name',
  fatherName: 'father_name',
  carerName: 'carer_name',
  phone: 'phone',
  disability: 'disability',
  schooling: 'schooling',
};

/** The stored record as the layout's cells, so that a change is checked as a whole row. */
function cellsOf(row: ChildRow, groups: string[]): ChildCells {
  return {
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex === 'male' ? 'Nam' : 'Nữ',
    ethnicity: row.ethnicity,
    personalId: row.personal_id,
    communeCode: row.commune_code,
    address: row.address,
    motherName: row.mother_name,
    fatherName: row.father_name,
    carerName: row.carer_name,
    phone: row.phone,
    groups: groups.join(';'),
    disability: row.disability === null ? null : row.disability ? 'Có' : 'Không',
    schooling: row.schooling ? (SCHOOLING_TEXT[row.schooling] ?? null) : null,
  };
}

function assertReach(actor: SessionActor, communeCode: string): void {
  if (!mayTakeOn(childrenPermissions, 'children.edit', actor, { communeCode })) throw forbidden();
}

/**
 * A personal ID already held by a record the actor reaches is refused (they should open that one);
 * one held out of their reach is not told of: the record is made and the duplicate review, which
 * the province sees, pairs the two.
 */
async function assertIdFree(
  trx: Transaction<Database>,
  actor: SessionActor,
  personalId: string | null,
  except: number | null,
): Promise<void> {
  if (!personalId) return;
  let q = trx.selectFrom('child').select('id').where('personal_id', '=', personalId).where('merged_into', 'is', null);
  if (scopeOf(childrenPermissions, 'children.edit', actor) === 'own_commune')
    q = q.where('commune_code', '=', actor.communeCode ?? '');
  if (except !== null) q = q.where('id', '<>', except);
  if (await q.executeTakeFirst()) {
    throw new TreError(ErrorCode.Conflict, {
      field: 'personalId',
      detail: {
        vi: 'Số định danh cá nhân này đã có trong danh sách; hãy tìm hồ sơ đó thay vì tạo hồ sơ mới',
        en: 'This personal ID is already in the register; find that record instead of making a new one',
      },
    });
  }
}

export async function createChild(
  db: Kysely<Database>,
  actor: SessionActor,
  input: ChildInput,
  now = new Date(),
): Promise<number> {
  const draft = normalise(input, vietnamDate(now));
  assertReach(actor, draft.communeCode);
  return db.transaction().execute(async (trx) => {
    await assertIdFree(trx, actor, draft.personalId, null);
    return insertChild(trx, actor, draft, 'screen', now);
  });
}

/**
 * A child first met in a case report (cases module), inside the intake's transaction: the same rules
 * as the screen's, the record's source the case. The intake's own permission decides who may; a
 * personal ID already in the register is not refused here (the report cannot wait): the duplicate
 * review pairs the two.
 */
export async function createChildFromCase(
  trx: Transaction<Database>,
  actor: SessionActor,
  input: ChildInput,
  now = new Date(),
): Promise<{ id: number; communeCode: string }> {
  const draft = normalise(input, vietnamDate(now));
  return { id: await insertChild(trx, actor, draft, 'case', now), communeCode: draft.communeCode };
}

async function insertChild(
  trx: Transaction<Database>,
  actor: SessionActor,
  draft: ChildDraft,
  source: 'screen' | 'case',
  now: Date,
): Promise<number> {
  const row = await trx
    .insertInto('child')
    .values({
      ...childColumns(draft),
      birth_registered: draft.personalId ? true : null,
      source_kind: source,
      created_by: userIdOf(actor),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = row.id;
  for (const grp of draft.groups) {
    await trx
      .insertInto('child_group')
      .values({ child_id: id, grp, started_on: draft.identifiedOn ?? vietnamDate(now) })
      .execute();
  }
  await recordAudit(trx, auditActorOf(actor), {
    action: 'create',
    entity: 'child',
    entityId: String(id),
    after: { commune: draft.communeCode, source },
  });
  return id;
}

export async function updateChild(
  db: Kysely<Database>,
  actor: SessionActor,
  id: number,
  input: ChildInput & { version: number },
  now = new Date(),
): Promise<void> {
  const row = await getChildRow(db, actor, 'children.edit', id);
  const open = await db
    .selectFrom('child_group')
    .select(['id', 'grp'])
    .where('child_id', '=', id)
    .where('ended_on', 'is', null)
    .execute();
  const cells: ChildCells = {
    ...cellsOf(
      row,
      open.map((g) => g.grp),
    ),
  };
  for (const field of CHILD_FIELDS) if (input[field] !== undefined) cells[field] = input[field];
  // a record stays editable after the child turns 16 (it stays on record): its rows are checked as on
  // the last day they were a child, unless the birth date itself is being changed
  const today = vietnamDate(now);
  const asOf = input.birthDate === undefined && !isActiveChild(row.birth_date, today) ? lastDayAsChild(row.birth_date) : today;
  const draft = normalise(cells, asOf);
  assertReach(actor, draft.communeCode);
  const next = childColumns(draft);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, column] of Object.entries(COLUMN)) {
    const before = row[column];
    const after = next[column as keyof typeof next];
    if (before !== after) changes[field] = [before, after];
  }
  const had = new Set(open.map((g) => g.grp));
  const added = draft.groups.filter((g) => !had.has(g));
  const ended = open.filter((g) => !(draft.groups as string[]).includes(g.grp));
  if (added.length > 0 || ended.length > 0) changes.groups = [[...had], draft.groups];
  if (Object.keys(changes).length === 0) return;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('child')
      .set({ ...next, updated_at: now, version: row.version + 1 })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw new TreError(ErrorCode.Conflict, {
        detail: {
          vi: 'Hồ sơ vừa được người khác sửa; hãy tải lại trang rồi sửa lại',
          en: 'Someone else changed the record meanwhile; reload it and make your change again',
        },
      });
    }
    if (changes.personalId) await assertIdFree(trx, actor, draft.personalId, id);
    const today = vietnamDate(now);
    for (const grp of added)
      await trx
        .insertInto('child_group')
        .values({ child_id: id, grp, started_on: draft.identifiedOn ?? today })
        .execute();
    if (ended.length > 0) {
      await trx
        .updateTable('child_group')
        .set({ ended_on: today })
        .where(
          'id',
          'in',
          ended.map((g) => g.id),
        )
        .execute();
    }
    await trx
      .insertInto('child_history')
      .values({
        child_id: id,
        actor_id: userIdOf(actor),
        actor_name: actor.username,
        action: 'update',
        changes: JSON.stringify(changes),
      })
      .execute();
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'child',
      entityId: String(id),
      after: { fields: Object.keys(changes) },
    });
  });
}

export interface MembershipChange {
  startedOn?: string | null | undefined;
  endedOn?: string | null | undefined;
  support?: string | null | undefined;
}

/**
 * A group membership's start, end and the support received (what indicator 8's "supported" counts),
 * changed on the record it belongs to, with its history; a membership of a record out of reach is
 * "not found" like the record.
 */
export async function updateMembership(
  db: Kysely<Database>,
  actor: SessionActor,
  childId: number,
  membershipId: number,
  change: MembershipChange,
): Promise<void> {
  await getChildRow(db, actor, 'children.edit', childId);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('child_group')
      .selectAll()
      .where('id', '=', membershipId)
      .where('child_id', '=', childId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound({ vi: 'nhóm hoàn cảnh này của hồ sơ', en: 'This membership of the record' });
    const next = {
      started_on: change.startedOn === undefined ? before.started_on : change.startedOn,
      ended_on: change.endedOn === undefined ? before.ended_on : change.endedOn,
      support: change.support === undefined ? before.support : change.support,
    };
    if (next.started_on && next.ended_on && next.ended_on < next.started_on) {
      throw invalid('endedOn', 'Ngày kết thúc trước ngày bắt đầu', 'The end is before the start');
    }
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of ['started_on', 'ended_on', 'support'] as const) {
      if (next[key] !== before[key]) changes[`group ${before.grp} ${key}`] = [before[key], next[key]];
    }
    if (Object.keys(changes).length === 0) return;
    await trx.updateTable('child_group').set(next).where('id', '=', membershipId).execute();
    await trx
      .insertInto('child_history')
      .values({
        child_id: childId,
        actor_id: userIdOf(actor),
        actor_name: actor.username,
        action: 'group',
        changes: JSON.stringify(changes),
      })
      .execute();
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'child_group',
      entityId: String(membershipId),
      after: { child: childId, fields: Object.keys(changes) },
    });
  });
}
