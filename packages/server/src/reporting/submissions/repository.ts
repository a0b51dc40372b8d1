import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, SubmissionTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** SQL of submissions, their versions and the reviewer's comments. */

export async function findRoundBody(db: Q, roundId: string, unitCode: string) {
  return db
    .selectFrom('round_body')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_code', '=', unitCode)
    .executeTakeFirst();
}

export async function findSubmission(db: Q, roundId: string, unitCode: string) {
  return db
    .selectFrom('submission')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_code', '=', unitCode)
    .executeTakeFirst();
}
export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

/** The row, locked for the transaction: two reviewers clicking at once act one after the other. */
export async function lockSubmission(db: Transaction<Database>, roundId: string, unitCode: string) {
  return db
    .selectFrom('submission')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_code', '=', unitCode)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertSubmission(db: Q, values: Insertable<SubmissionTable>): Promise<SubmissionRow> {
  return db.insertInto('submission').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateSubmission(db: Q, id: string, values: Updateable<SubmissionTable>): Promise<void> {
  await db.updateTable('submission').set(values).where('id', '=', id).execute();
}

export async function insertVersion(db: Q, values: Insertable<Database['submission_version']>): Promise<void> {
  await db.insertInto('submission_version').values(values).execute();
}

/** The last two versions sent (newest first), for what changed. */
export async function lastVersions(db: Q, submissionId: string) {
  return db
    .selectFrom('submission_version')
    .select(['version', 'content', 'submitted_at'])
    .where('submission_id', '=', submissionId)
    .orderBy('version', 'desc')
    .limit(2)
    .execute();
}

export async function insertComments(db: Q, rows: Insertable<Database['submission_comment']>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('submission_comment').values(rows).execute();
}

export async function listComments(db: Q, submissionId: string) {
  return db.selectFrom('submission_comment').selectAll().where('submission_id', '=', submissionId).orderBy('id').execute();
}

/** Evidence files' names, for the task list. */
export async function fileNames(db: Q, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('stored_file').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
