import { childrenPermissions, mayTakeOn } from '@tre/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../../audit/session-actor.ts';
import { TreError, notFound } from '../../errors.ts';
import { ErrorCode } from '@tre/core';

/**
 * Deciding a proposed pair: merge (one record kept, the other hidden behind it, every group
 * membership and both histories kept), mark as different people (never proposed again), or undo a
 * merge (what it did undone, the pair back in the queue). Each in one transaction with its audit
 * row; the pair row is locked first, so two reviewers cannot decide it twice. A merge remembers the
 * fields it filled in and the memberships it moved, so that its undo takes back exactly those (and
 * not a change made since); merges are undone in the reverse order they were made.
 */

/** The fields a merge fills in on the kept record from the other, where the kept one has nothing. */
const FILLED = [
  'personal_id',
  'ethnicity',
  'address',
  'mother_name',
  'father_name',
  'carer_name',
  'phone',
  'disability',
  'schooling',
  'birth_registered',
] as const;

const pairNotFound = () => notFound({ vi: 'cặp nghi trùng', en: 'Duplicate pair' });

async function lockedPair(trx: Transaction<Database>, actor: SessionActor, id: number) {
  const pair = await trx
    .selectFrom('child_duplicate as d')
    .innerJoin('child as a', 'a.id', 'd.child_a')
    .innerJoin('child as b', 'b.id', 'd.child_b')
    .select(['d.id', 'd.child_a', 'd.child_b', 'd.status', 'a.commune_code as commune_a', 'b.commune_code as commune_b'])
    .select(['a.merged_into as merged_a', 'b.merged_into as merged_b'])
    .where('d.id', '=', id)
    .forUpdate('d')
    .executeTakeFirst();
  const reach = (code: string) => mayTakeOn(childrenPermissions, 'children.duplicates', actor, { communeCode: code });
  if (!pair || !reach(pair.commune_a) || !reach(pair.commune_b)) throw pairNotFound();
  return pair;
}

const stateError = (vi: string, en: string) => new TreError(ErrorCode.Conflict, { detail: { vi, en } });

async function history(trx: Transaction<Database>, actor: SessionActor, childId: number, action: string, changes: object) {
  await trx
    .insertInto('child_history')
    .values({
      child_id: childId,
      actor_id: userIdOf(actor),
      actor_name: actor.username,
      action,
      changes: JSON.stringify(changes),
    })
    .execute();
}

const alreadyMerged = () =>
  stateError('Một trong hai hồ sơ đã được gộp vào hồ sơ khác', 'One of the two records is already merged into another');

export async function mergePair(
  db: Kysely<Database>,
  actor: SessionActor,
  id: number,
  keep: 'a' | 'b',
): Promise<{ kept: number; merged: number }> {
  return db.transaction().execute(async (trx) => {
    const pair = await lockedPair(trx, actor, id);
    if (pair.status !== 'pending') throw stateError('Cặp này đã được xử lý', 'This pair has already been decided');
    const kept = keep === 'a' ? pair.child_a : pair.child_b;
    const merged = keep === 'a' ? pair.child_b : pair.child_a;
    const before = await trx.selectFrom('child').selectAll().where('id', '=', kept).forUpdate().executeTakeFirstOrThrow();
    const other = await trx.selectFrom('child').selectAll().where('id', '=', merged).forUpdate().executeTakeFirstOrThrow();
    if (before.merged_into !== null || other.merged_into !== null) throw alreadyMerged();
    await trx
      .updateTable('child')
      .set({ merged_into: kept, updated_at: new Date(), version: other.version + 1 })
      .where('id', '=', merged)
      .execute();
    const filled: Record<string, [unknown, unknown]> = {};
    const set: Record<string, unknown> = {};
    for (const col of FILLED) {
      if (before[col] === null && other[col] !== null) {
        set[col] = other[col];
        filled[col] = [null, other[col]];
      }
    }
    await trx
      .updateTable('child')
      .set({ ...set, updated_at: new Date(), version: before.version + 1 })
      .where('id', '=', kept)
      .execute();
    // the merged record's memberships go to the kept one, but a group the kept record already holds
    // open stays behind (hidden with its record, back on undo), so that no group is listed twice
    const keptOpen = await trx
      .selectFrom('child_group')
      .select('grp')
      .where('child_id', '=', kept)
      .where('ended_on', 'is', null)
      .execute();
    const held = new Set(keptOpen.map((g) => g.grp));
    const theirs = await trx.selectFrom('child_group').select(['id', 'grp', 'ended_on']).where('child_id', '=', merged).execute();
    const moving = theirs.filter((g) => g.ended_on !== null || !held.has(g.grp));
    const moved = moving.map((g) => g.id);
    if (moved.length > 0) {
      await trx.updateTable('child_group').set({ child_id: kept, merged_from: merged }).where('id', 'in', moved).execute();
    }
    const groups = moving.filter((g) => g.ended_on === null).map((g) => g.grp);
    await history(trx, actor, kept, 'merge', {
      ...filled,
      ...(groups.length ? { groups: [null, groups] } : {}),
      merged: [null, merged],
    });
    await history(trx, actor, merged, 'merged_into', { merged_into: [null, kept] });
    await trx
      .insertInto('child_merge')
      .values({
        duplicate_id: id,
        kept_id: kept,
        merged_id: merged,
        kept_before: JSON.stringify(before),
        filled: JSON.stringify(set),
        moved_groups: JSON.stringify(moved),
        by_id: userIdOf(actor),
      })
      .execute();
    await trx
      .updateTable('child_duplicate')
      .set({ status: 'merged', decided_at: new Date(), decided_by: userIdOf(actor) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, auditActorOf(actor), {
      action: 'merge',
      entity: 'child',
      entityId: String(kept),
      after: { pair: id, kept, merged },
    });
    return { kept, merged };
  });
}

export async function markDifferent(db: Kysely<Database>, actor: SessionActor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const pair = await lockedPair(trx, actor, id);
    if (pair.status !== 'pending') throw stateError('Cặp này đã được xử lý', 'This pair has already been decided');
    if (pair.merged_a !== null || pair.merged_b !== null) throw alreadyMerged();
    await trx
      .updateTable('child_duplicate')
      .set({ status: 'different', decided_at: new Date(), decided_by: userIdOf(actor) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, auditActorOf(actor), {
      action: 'different',
      entity: 'child_duplicate',
      entityId: String(id),
      after: { a: pair.child_a, b: pair.child_b },
    });
  });
}

export async function undoMerge(db: Kysely<Database>, actor: SessionActor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const pair = await lockedPair(trx, actor, id);
    if (pair.status !== 'merged') throw stateError('Cặp này chưa được gộp', 'This pair is not merged');
    const merge = await trx
      .selectFrom('child_merge')
      .selectAll()
      .where('duplicate_id', '=', id)
      .where('undone_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const kept = merge.kept_id;
    const merged = merge.merged_id;
    const keptNow = await trx.selectFrom('child').selectAll().where('id', '=', kept).forUpdate().executeTakeFirstOrThrow();
    const mergedNow = await trx
      .selectFrom('child')
      .select('merged_into')
      .where('id', '=', merged)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // merges are undone in the reverse order they were made: a kept record merged since comes back first
    if (keptNow.merged_into !== null || mergedNow.merged_into !== kept) {
      throw stateError(
        'Hồ sơ được giữ đã được gộp tiếp vào hồ sơ khác; hãy hoàn tác việc gộp sau trước',
        'The kept record was merged into another since; undo that merge first',
      );
    }
    // only what the merge filled in, and nobody changed since, goes back
    const reverted: Record<string, [unknown, null]> = {};
    const restore: Record<string, null> = {};
    for (const [col, value] of Object.entries(merge.filled as Record<string, unknown>)) {
      const field = FILLED.find((f) => f === col);
      if (field && keptNow[field] === value) {
        restore[field] = null;
        reverted[field] = [value, null];
      }
    }
    await trx
      .updateTable('child')
      .set({ ...restore, updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', kept)
      .execute();
    await trx
      .updateTable('child')
      .set({ merged_into: null, updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', merged)
      .execute();
    const moved = merge.moved_groups as number[];
    if (moved.length > 0) {
      await trx
        .updateTable('child_group')
        .set({ child_id: merged, merged_from: null })
        .where('id', 'in', moved)
        .where('child_id', '=', kept)
        .execute();
    }
    await history(trx, actor, kept, 'unmerge', { ...reverted, merged: [merged, null] });
    await history(trx, actor, merged, 'unmerge', { merged_into: [kept, null] });
    await trx
      .updateTable('child_merge')
      .set({ undone_at: new Date(), undone_by: userIdOf(actor) })
      .where('id', '=', merge.id)
      .execute();
    await trx
      .updateTable('child_duplicate')
      .set({ status: 'pending', decided_at: null, decided_by: null })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, auditActorOf(actor), {
      action: 'unmerge',
      entity: 'child',
      entityId: String(kept),
      after: { pair: id, kept, merged },
    });
  });
}
