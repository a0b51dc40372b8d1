import { vietnamDate } from '@tre/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../audit/session-actor.ts';
import { TreError } from '../errors.ts';
import { ErrorCode } from '@tre/core';
import { activeBirthCutoff } from './dates.ts';
import { communeScopeOf } from './service.ts';
import { exportWorkbook } from './excel.ts';

/** An export holds at most this many children: a province's whole register goes commune by commune. */
export const EXPORT_MAX = 50_000;

export interface ChildExportRow {
  id: number;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  ethnicity: string | null;
  personal_id: string | null;
  commune_code: string;
  commune_name: string;
  address: string | null;
  mother_name: string | null;
  father_name: string | null;
  carer_name: string | null;
  phone: string | null;
  groups: string[] | null;
  disability: boolean | null;
  schooling: string | null;
}

/** The list's filters an export keeps (never its search text, which may be a name or an ID). */
export interface ExportFilters {
  commune?: string | undefined;
  birthYear?: number | undefined;
  group?: string | undefined;
}

/** The active register of a commune (or the province) as Excel, filtered as the list is; audited, as every export of a child's data. */
export async function exportChildren(db: Kysely<Database>, actor: SessionActor, filters: ExportFilters, now = new Date()) {
  const communeCode = communeScopeOf(actor, 'children.export', filters.commune);
  const { birthYear, group } = filters;
  const where = sql.join(
    [
      communeCode ? sql`AND c.commune_code = ${communeCode}` : sql``,
      birthYear === undefined
        ? sql``
        : sql`AND c.birth_date >= ${`${birthYear}-01-01`}::date AND c.birth_date <= ${`${birthYear}-12-31`}::date`,
      group === undefined
        ? sql``
        : sql`AND EXISTS (SELECT 1 FROM child_group g WHERE g.child_id = c.id AND g.grp = ${group} AND g.ended_on IS NULL)`,
    ],
    sql` `,
  );
  const rows = await sql<ChildExportRow>`
    SELECT c.id, c.full_name, c.birth_date, c.sex, c.ethnicity, c.personal_id, c.commune_code, m.name AS commune_name,
      c.address, c.mother_name, c.father_name, c.carer_name, c.phone, c.disability, c.schooling,
      (SELECT array_agg(g.grp ORDER BY g.grp) FROM child_group g WHERE g.child_id = c.id AND g.ended_on IS NULL) AS groups
    FROM child c JOIN commune m ON m.code = c.commune_code
    WHERE c.merged_into IS NULL AND c.birth_date > ${activeBirthCutoff(vietnamDate(now))} ${where}
    ORDER BY c.commune_code, c.name_key, c.id
    LIMIT ${EXPORT_MAX + 1}
  `.execute(db);
  if (rows.rows.length > EXPORT_MAX) {
    throw new TreError(ErrorCode.ValidationFailed, {
      field: 'commune',
      detail: {
        vi: `Quá ${EXPORT_MAX.toLocaleString('vi-VN')} trẻ em: hãy xuất từng xã`,
        en: `More than ${EXPORT_MAX.toLocaleString('en-US')} children: export one commune at a time`,
      },
    });
  }
  const file = await exportWorkbook(rows.rows, actor, now);
  await recordAudit(db, auditActorOf(actor), {
    action: 'export',
    entity: 'child',
    entityId: communeCode ?? 'province',
    after: { children: rows.rows.length, commune: communeCode ?? null, birthYear: birthYear ?? null, group: group ?? null },
  });
  return file;
}
