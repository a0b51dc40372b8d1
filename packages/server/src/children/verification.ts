import { ErrorCode, childrenPermissions, mayTakeOn } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit, type AuditActor } from '../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../audit/session-actor.ts';
import { TreError, forbidden, invalid, notFound } from '../errors.ts';
import type { PopulationClient } from './population/client.ts';
import type { VerifyResult } from './population/contract.ts';
import { getChildRow, needsReason } from './service.ts';

/**
 * Checking records against the national population database. A result is stored with its date;
 * what does not match (name, birth date, sex, or a registered residence in another commune) is
 * flagged on the record for the commune officer and never written into it. Without a configured
 * service, or while it is down, nothing is stored and the caller is told so.
 */

const notConfigured = () =>
  new TreError(ErrorCode.PopulationUnavailable, {
    detail: {
      vi: 'Chưa cấu hình kết nối Cơ sở dữ liệu quốc gia về dân cư (TRE_POPULATION_URL)',
      en: 'The national population database is not configured (TRE_POPULATION_URL)',
    },
  });

type ChildForCheck = {
  id: number;
  personal_id: string | null;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  commune_code: string;
};

/** What is stored of an answer: the residence in another commune is a mismatch too. */
function outcomeOf(child: ChildForCheck, result: VerifyResult) {
  if (result.status === 'not_found') return { status: 'not_found' as const, mismatches: [] as string[], residence: null };
  if (result.status === 'mismatch') return { status: 'mismatch' as const, mismatches: [...result.mismatches], residence: null };
  const residence = result.residence ?? null;
  const moved = residence !== null && residence.communeCode !== child.commune_code;
  return { status: moved ? ('mismatch' as const) : ('match' as const), mismatches: moved ? ['communeCode'] : [], residence };
}

async function checkOne(
  db: Kysely<Database>,
  client: PopulationClient,
  child: ChildForCheck,
  audit: AuditActor,
  by: string | null,
) {
  if (!child.personal_id) return undefined;
  const result = await client.verify({
    personalId: child.personal_id,
    fullName: child.full_name,
    birthDate: child.birth_date,
    sex: child.sex,
  });
  const outcome = outcomeOf(child, result);
  // the answer and its audit row in one transaction (the call itself is outside it: it may take seconds)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('child_verification')
      .values({
        child_id: child.id,
        status: outcome.status,
        mismatches: JSON.stringify(outcome.mismatches),
        residence: outcome.residence ? JSON.stringify(outcome.residence) : null,
        checked_by: by,
      })
      .execute();
    await recordAudit(trx, audit, {
      action: 'verify',
      entity: 'child',
      entityId: String(child.id),
      after: { status: outcome.status },
    });
  });
  return outcome;
}

export async function verifyChild(
  db: Kysely<Database>,
  client: PopulationClient | undefined,
  actor: SessionActor,
  id: number,
  reason: string | undefined,
) {
  const row = await getChildRow(db, actor, 'children.verify', id);
  // the answer holds the registered address: as reading the record, a reason outside one's commune
  if (needsReason(actor, row.commune_code) && (reason ?? '').trim().length < 5) throw new TreError(ErrorCode.ReasonRequired);
  if (!client) throw notConfigured();
  if (!row.personal_id) {
    throw invalid('personalId', 'Hồ sơ chưa có số định danh cá nhân để đối chiếu', 'The record has no personal ID to check');
  }
  return checkOne(db, client, row, auditActorOf(actor), userIdOf(actor));
}

const CONCURRENCY = 4;

/**
 * A commune's children with a personal ID, verified in bulk as a job that runs in this process
 * (a few calls at a time, so the service is not flooded); its progress is a row anyone allowed can
 * follow. A service that stays down ends the job as failed, with what was done kept.
 */
export async function startCommuneVerification(
  db: Kysely<Database>,
  client: PopulationClient | undefined,
  actor: SessionActor,
  communeCode: string,
): Promise<{ jobId: string; total: number }> {
  if (!mayTakeOn(childrenPermissions, 'children.verify', actor, { communeCode })) throw forbidden();
  if (!(await db.selectFrom('commune').select('code').where('code', '=', communeCode).executeTakeFirst())) {
    throw notFound({ vi: 'xã, phường này', en: 'This commune' });
  }
  if (!client) throw notConfigured();
  const children = await db
    .selectFrom('child')
    .select(['id', 'personal_id', 'full_name', 'birth_date', 'sex', 'commune_code'])
    .where('commune_code', '=', communeCode)
    .where('merged_into', 'is', null)
    .where('personal_id', 'is not', null)
    .orderBy('id')
    .execute();
  const job = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('child_verify_job')
      .values({ commune_code: communeCode, total: children.length, created_by: userIdOf(actor), created_by_name: actor.username })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActorOf(actor), {
      action: 'verify_bulk',
      entity: 'commune',
      entityId: communeCode,
      after: { job: row.id, children: children.length },
    });
    return row;
  });
  void runBulk(db, client, job.id, children, auditActorOf(actor), userIdOf(actor));
  return { jobId: job.id, total: children.length };
}

async function runBulk(
  db: Kysely<Database>,
  client: PopulationClient,
  jobId: string,
  children: ChildForCheck[],
  audit: AuditActor,
  by: string | null,
) {
  let next = 0;
  const tally = { done: 0, matched: 0, mismatched: 0, not_found: 0 };
  // set by whichever worker meets the failure; the others stop at their next child
  const ended: { failure: { vi: string; en: string } | null } = { failure: null };
  const work = async () => {
    while (ended.failure === null && next < children.length) {
      const child = children[next++];
      if (!child) return;
      try {
        const outcome = await checkOne(db, client, child, audit, by);
        tally.done++;
        if (outcome?.status === 'match') tally.matched++;
        else if (outcome?.status === 'mismatch') tally.mismatched++;
        else if (outcome?.status === 'not_found') tally.not_found++;
        if (tally.done % 20 === 0) await db.updateTable('child_verify_job').set(tally).where('id', '=', jobId).execute();
      } catch (e) {
        ended.failure =
          e instanceof TreError
            ? { vi: e.messageIn('vi'), en: e.messageIn('en') }
            : { vi: 'Lỗi khi đối chiếu', en: 'The check failed' };
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, work));
  await db
    .updateTable('child_verify_job')
    .set({
      ...tally,
      status: ended.failure ? 'failed' : 'done',
      error: ended.failure ? JSON.stringify(ended.failure) : null,
      finished_at: new Date(),
    })
    .where('id', '=', jobId)
    .execute()
    .catch(() => undefined);
}

export async function verificationJob(db: Kysely<Database>, actor: SessionActor, id: string) {
  const job = await db.selectFrom('child_verify_job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || !mayTakeOn(childrenPermissions, 'children.verify', actor, { communeCode: job.commune_code })) throw notFound();
  return {
    id: job.id,
    communeCode: job.commune_code,
    status: job.status,
    total: job.total,
    done: job.done,
    matched: job.matched,
    mismatched: job.mismatched,
    notFound: job.not_found,
    error: (job.error as { vi: string; en: string } | null) ?? null,
  };
}
