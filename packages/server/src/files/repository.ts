import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, StoredFileTable } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

const metaColumns = ['id', 'province_code', 'name', 'media_type', 'size', 'sha256', 'uploaded_by', 'created_at'] as const;

export async function insertFile(db: Q, values: Insertable<StoredFileTable>) {
  return db.insertInto('stored_file').values(values).returning(metaColumns).executeTakeFirstOrThrow();
}

/** A file's description without its bytes. */
export async function findFileMeta(db: Q, provinceCode: string, id: string) {
  return db
    .selectFrom('stored_file')
    .select(metaColumns)
    .where('province_code', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findFileContent(db: Q, id: string) {
  const row = await db.selectFrom('stored_file').select('content').where('id', '=', id).executeTakeFirstOrThrow();
  return row.content;
}

/** The reporting bodies of the progress rows that cite a file as evidence. */
export async function listEvidenceBodies(db: Q, fileId: string) {
  const progress = await db
    .selectFrom('task_progress')
    .select(['agency_id', 'commune_code'])
    .where('evidence_file_id', '=', fileId)
    .execute();
  // evidence of a commune's child-friendly self-assessment (communes module, migration 0020)
  const assessments = await db
    .selectFrom('commune_assessment_evidence as e')
    .innerJoin('commune_assessment as a', 'a.id', 'e.assessment_id')
    .select(['a.commune_code'])
    .where('e.file_id', '=', fileId)
    .execute();
  return [...progress, ...assessments.map((a) => ({ agency_id: null, commune_code: a.commune_code }))];
}
