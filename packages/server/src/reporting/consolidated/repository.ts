import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** SQL of the consolidated report: the officer's edited draft and every document built. */

export async function findDraft(db: Q, roundId: string) {
  return db.selectFrom('report_draft').selectAll().where('round_id', '=', roundId).executeTakeFirst();
}

export async function saveDraft(db: Q, row: Insertable<Database['report_draft']>) {
  await db
    .insertInto('report_draft')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('round_id')
        .doUpdateSet({ header: row.header, sections: row.sections, updated_by: row.updated_by, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteDraft(db: Q, roundId: string) {
  await db.deleteFrom('report_draft').where('round_id', '=', roundId).execute();
}

/** The text each body sent: its latest version, for the submissions that count (accepted, or sent when none is). */
export async function sentContents(db: Q, roundId: string, states: readonly string[]) {
  return db
    .selectFrom('submission as s')
    .innerJoin('submission_version as v', (j) => j.onRef('v.submission_id', '=', 's.id').onRef('v.version', '=', 's.version'))
    .select(['s.id', 's.unit_kind', 's.unit_code', 's.state', 's.version', 'v.content'])
    .where('s.round_id', '=', roundId)
    .where('s.state', 'in', states as never)
    .execute();
}

export async function insertBuild(db: Q, row: Insertable<Database['report_build']>): Promise<string> {
  return (await db.insertInto('report_build').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listBuilds(db: Q, roundId: string) {
  return db
    .selectFrom('report_build')
    .select(['id', 'draft', 'sources', 'built_by_name', 'built_at', 'pdf_note', (eb) => eb('pdf', 'is not', null).as('has_pdf')])
    .where('round_id', '=', roundId)
    .orderBy('built_at', 'desc')
    .limit(50)
    .execute();
}

export async function findBuildFile(db: Q, roundId: string, buildId: string, format: 'docx' | 'xlsx' | 'pdf') {
  return db
    .selectFrom('report_build')
    .select([format, 'built_at', 'draft'])
    .where('round_id', '=', roundId)
    .where('id', '=', buildId)
    .executeTakeFirst();
}

export async function provinceName(db: Q, code: string): Promise<string> {
  return (await db.selectFrom('province').select('name').where('code', '=', code).executeTakeFirst())?.name ?? code;
}
