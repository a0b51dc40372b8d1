import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { SUBSTANTIATED } from '../cases/statistics.ts';

/** SQL of the communes module (migration 0020): rule sets, categories, assessments and what they are filled from. */

type Q = Kysely<Database> | Transaction<Database>;

// ---- rule sets

export async function findActiveRuleSet(db: Q, provinceCode: string) {
  return db
    .selectFrom('commune_rule_set')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function findRuleSet(db: Q, provinceCode: string, id: number) {
  return db
    .selectFrom('commune_rule_set')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findRuleSetsByIds(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('commune_rule_set').selectAll().where('id', 'in', ids).execute();
}

export async function findRuleSetByVersion(db: Q, provinceCode: string, version: string) {
  return db
    .selectFrom('commune_rule_set')
    .select('id')
    .where('province_code', '=', provinceCode)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listRuleSets(db: Q, provinceCode: string) {
  return db
    .selectFrom('commune_rule_set as r')
    .select((eb) => [
      'r.id',
      'r.version',
      'r.content',
      'r.active',
      'r.created_at',
      eb
        .selectFrom('commune_assessment as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.rule_set_id', '=', 'r.id')
        .as('assessments'),
    ])
    .where('r.province_code', '=', provinceCode)
    .orderBy('r.id', 'desc')
    .execute();
}

/** Stores a rule set and makes it the province's active one. */
export async function insertActiveRuleSet(
  trx: Transaction<Database>,
  row: { provinceCode: string; version: string; content: unknown; createdBy: string | null },
) {
  await trx
    .updateTable('commune_rule_set')
    .set({ active: false })
    .where('province_code', '=', row.provinceCode)
    .where('active', '=', true)
    .execute();
  return trx
    .insertInto('commune_rule_set')
    .values({
      province_code: row.provinceCode,
      version: row.version,
      content: JSON.stringify(row.content),
      active: true,
      created_by: row.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countAssessmentsWithRuleSet(db: Q, id: number): Promise<number> {
  const row = await db
    .selectFrom('commune_assessment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('rule_set_id', '=', id)
    .executeTakeFirst();
  return row?.n ?? 0;
}

// ---- communes and their categories

export async function findCommune(db: Q, provinceCode: string, code: string) {
  return db
    .selectFrom('commune as c')
    .leftJoin('commune_category as k', 'k.commune_code', 'c.code')
    .select(['c.code', 'c.name', 'c.type', 'c.province_code', 'k.category'])
    .where('c.province_code', '=', provinceCode)
    .where('c.code', '=', code)
    .executeTakeFirst();
}

export async function listCommunes(db: Q, provinceCode: string, only?: string) {
  let q = db
    .selectFrom('commune as c')
    .leftJoin('commune_category as k', 'k.commune_code', 'c.code')
    .select(['c.code', 'c.name', 'c.type', 'c.province_code', 'k.category'])
    .where('c.province_code', '=', provinceCode);
  if (only !== undefined) q = q.where('c.code', '=', only);
  return q.orderBy('c.code').execute();
}

export async function countCommunes(db: Q, provinceCode: string): Promise<number> {
  const row = await db
    .selectFrom('commune')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('province_code', '=', provinceCode)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export async function upsertCategory(db: Q, communeCode: string, category: string, by: string | null) {
  await db
    .insertInto('commune_category')
    .values({ commune_code: communeCode, category, updated_by: by })
    .onConflict((oc) => oc.column('commune_code').doUpdateSet({ category, updated_by: by, updated_at: new Date() }))
    .execute();
}

export async function deleteCategory(db: Q, communeCode: string) {
  await db.deleteFrom('commune_category').where('commune_code', '=', communeCode).execute();
}

// ---- assessments

export async function findAssessment(db: Q, communeCode: string, year: number, forUpdate = false) {
  let q = db.selectFrom('commune_assessment').selectAll().where('commune_code', '=', communeCode).where('year', '=', year);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

export async function listAssessmentsOfYear(db: Q, provinceCode: string, year: number, only?: string) {
  let q = db.selectFrom('commune_assessment').selectAll().where('province_code', '=', provinceCode).where('year', '=', year);
  if (only !== undefined) q = q.where('commune_code', '=', only);
  return q.execute();
}

export async function insertAssessment(
  trx: Transaction<Database>,
  row: { provinceCode: string; communeCode: string; year: number; ruleSetId: number },
) {
  return trx
    .insertInto('commune_assessment')
    .values({
      province_code: row.provinceCode,
      commune_code: row.communeCode,
      year: row.year,
      rule_set_id: row.ruleSetId,
      state: 'draft',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates an assessment at the version read; false when someone changed it meanwhile. */
export async function updateAssessment(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: Partial<{
    state: string;
    submitted_at: Date | null;
    return_comment: string | null;
    decision_number: string;
    decision_date: string;
    decision_recognised: boolean;
    decision_category: string;
    decided_by: string | null;
    decided_by_name: string;
    decided_at: Date;
  }>,
): Promise<boolean> {
  const r = await trx
    .updateTable('commune_assessment')
    .set({ ...set, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function listEntries(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('commune_assessment_entry').selectAll().where('assessment_id', 'in', ids).execute();
}

export async function upsertEntry(
  trx: Transaction<Database>,
  row: { assessmentId: number; code: string; value: unknown; overrideReason: string | null; note: string | null },
) {
  const value = row.value === null ? null : JSON.stringify(row.value);
  await trx
    .insertInto('commune_assessment_entry')
    .values({
      assessment_id: row.assessmentId,
      indicator_code: row.code,
      value,
      override_reason: row.overrideReason,
      note: row.note,
    })
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'indicator_code']).doUpdateSet({ value, override_reason: row.overrideReason, note: row.note }),
    )
    .execute();
}

/** Keeps the pre-filled value (with its source) the commune submitted. */
export async function setEntryPrefill(trx: Transaction<Database>, assessmentId: number, code: string, prefill: unknown) {
  const json = prefill === null ? null : JSON.stringify(prefill);
  await trx
    .insertInto('commune_assessment_entry')
    .values({ assessment_id: assessmentId, indicator_code: code, value: null, prefill: json })
    .onConflict((oc) => oc.columns(['assessment_id', 'indicator_code']).doUpdateSet({ prefill: json }))
    .execute();
}

export async function listEvidence(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('commune_assessment_evidence as e')
    .innerJoin('stored_file as f', 'f.id', 'e.file_id')
    .select(['e.assessment_id', 'e.indicator_code', 'e.file_id', 'f.name', 'f.size'])
    .where('e.assessment_id', 'in', ids)
    .orderBy('f.created_at')
    .execute();
}

export async function replaceEvidence(trx: Transaction<Database>, assessmentId: number, code: string, fileIds: string[]) {
  await trx
    .deleteFrom('commune_assessment_evidence')
    .where('assessment_id', '=', assessmentId)
    .where('indicator_code', '=', code)
    .execute();
  if (fileIds.length === 0) return;
  await trx
    .insertInto('commune_assessment_evidence')
    .values(fileIds.map((file_id) => ({ assessment_id: assessmentId, indicator_code: code, file_id })))
    .execute();
}

export async function listVerifications(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('commune_assessment_verification').selectAll().where('assessment_id', 'in', ids).execute();
}

export async function upsertVerification(
  trx: Transaction<Database>,
  row: {
    assessmentId: number;
    criterion: string;
    outcome: string;
    corrections: unknown;
    comment: string | null;
    byId: string | null;
    byName: string;
  },
) {
  const values = {
    outcome: row.outcome,
    corrections: JSON.stringify(row.corrections),
    comment: row.comment,
    by_id: row.byId,
    by_name: row.byName,
    at: new Date(),
  };
  await trx
    .insertInto('commune_assessment_verification')
    .values({ assessment_id: row.assessmentId, criterion_code: row.criterion, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'criterion_code']).doUpdateSet(values))
    .execute();
}

export async function deleteVerifications(trx: Transaction<Database>, assessmentId: number) {
  await trx.deleteFrom('commune_assessment_verification').where('assessment_id', '=', assessmentId).execute();
}

export async function insertEvent(
  trx: Transaction<Database>,
  row: { assessmentId: number; action: string; comment: string | null; byId: string | null; byName: string },
) {
  await trx
    .insertInto('commune_assessment_event')
    .values({ assessment_id: row.assessmentId, action: row.action, comment: row.comment, by_id: row.byId, by_name: row.byName })
    .execute();
}

export async function listEvents(db: Q, assessmentId: number) {
  return db
    .selectFrom('commune_assessment_event')
    .select(['action', 'comment', 'by_name', 'at'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
}

export async function countRecognised(db: Q, provinceCode: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('commune_assessment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('province_code', '=', provinceCode)
    .where('year', '=', year)
    .where('state', '=', 'decided')
    .where('decision_recognised', '=', true)
    .executeTakeFirst();
  return row?.n ?? 0;
}

// ---- what the values are filled from

/**
 * Children of the register in special circumstances in the year, and those supported, per commune
 * (as children/statistics.ts counts them: under 16 at the year's end, a group open during the year,
 * supported when a support is recorded).
 */
export async function registerSpecialCounts(db: Q, provinceCode: string, communes: string[], year: number) {
  if (communes.length === 0) return new Map<string, { special: number; supported: number }>();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = await sql<{ commune_code: string; special: number; supported: number }>`
    WITH kids AS (
      SELECT c.id, c.commune_code, bool_or(g.support IS NOT NULL AND g.support <> '') AS supported
      FROM child c JOIN child_group g ON g.child_id = c.id
      JOIN commune m ON m.code = c.commune_code AND m.province_code = ${provinceCode}
      WHERE c.merged_into IS NULL AND c.commune_code = ANY(${communes}::text[])
        AND c.birth_date <= ${end}::date AND c.birth_date > (${end}::date - interval '16 years')
        AND (g.started_on IS NULL OR g.started_on <= ${end}::date) AND (g.ended_on IS NULL OR g.ended_on >= ${start}::date)
      GROUP BY c.id
    )
    SELECT commune_code, count(*)::int AS special, count(*) FILTER (WHERE supported)::int AS supported
    FROM kids GROUP BY 1
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.commune_code, { special: r.special, supported: r.supported }]));
}

/**
 * Abuse cases of the commune received in the year (Vietnam time) that count as abuse: found
 * substantiated at verification, or with emergency measures taken and not found unfounded (the
 * rule of cases/statistics.ts, used as it is).
 */
export async function abuseCaseCounts(db: Q, provinceCode: string, communes: string[], year: number) {
  if (communes.length === 0) return new Map<string, number>();
  const from = new Date(`${year}-01-01T00:00:00+07:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+07:00`);
  const rows = await sql<{ commune_code: string; n: number }>`
    SELECT k.commune_code, count(*)::int AS n
    FROM child_case k
    WHERE k.province_code = ${provinceCode} AND k.commune_code = ANY(${communes}::text[])
      AND k.received_at >= ${from} AND k.received_at < ${to}
      AND ${SUBSTANTIATED}
    GROUP BY 1
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.commune_code, r.n]));
}
