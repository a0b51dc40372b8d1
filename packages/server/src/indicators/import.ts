import crypto from 'node:crypto';
import { isPeriodCode, type CatalogueIndex } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit, type AuditActor } from '../access/audit.ts';
import { catalogueIndex } from './catalogue-store.ts';
import { countProblem, diffCells, disaggregationOf, type Cell } from './data-values-service.ts';
import * as repo from './repository.ts';

/**
 * DHIS2 dataValueSets import: {dataValues: [{dataElement, period, orgUnit, value, categoryOptionCombo?}]}
 * with dataElement = Tre's element code, orgUnit = a commune's or the province's statistics-office
 * code (or an agency id, so that Tre's own export re-imports), period = a DHIS2 period code and
 * categoryOptionCombo = a disaggregation key ('sex=female|age_group=u6'; absent or 'default' = total).
 *
 * Each row is checked on its own; rejected rows are listed with their 1-based row number and the
 * reason in both languages, and the good rows are stored in one transaction. Storing compares with
 * what is there, so importing the same file again changes nothing (all rows 'unchanged').
 */

export interface ImportReport {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedRows: {
    row: number;
    dataElement: string | null;
    orgUnit: string | null;
    period: string | null;
    reason: { vi: string; en: string };
  }[];
}

export interface Importer {
  provinceCode: string;
  userId: string | null;
  audit: AuditActor;
  /** the file name for the audit (CLI), or null (API) */
  fileName: string | null;
}

type UnitLookup = Map<string, { kind: Cell['unitKind']; code: string }>;

async function unitsOfProvince(db: Kysely<Database>, provinceCode: string): Promise<UnitLookup> {
  const map: UnitLookup = new Map([[provinceCode, { kind: 'province', code: provinceCode }]]);
  for (const c of await repo.communeCodesOf(db, provinceCode)) map.set(c, { kind: 'commune', code: c });
  for (const a of await repo.agenciesOf(db, provinceCode)) map.set(a.id, { kind: 'agency', code: a.id });
  return map;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** One row to a cell, or the reason it is refused. */
function checkRow(index: CatalogueIndex, units: UnitLookup, row: unknown): Cell | { vi: string; en: string } {
  if (typeof row !== 'object' || row === null)
    return { vi: 'dòng không phải đối tượng JSON', en: 'the row is not a JSON object' };
  const r = row as Record<string, unknown>;
  const element = text(r.dataElement);
  const orgUnit = text(r.orgUnit);
  const period = text(r.period);
  if (!element || !index.element(element)) {
    return { vi: `chỉ số dữ liệu không tồn tại: ${element ?? '(trống)'}`, en: `unknown data element: ${element ?? '(empty)'}` };
  }
  const unit = orgUnit ? units.get(orgUnit) : undefined;
  if (!unit) {
    return {
      vi: `đơn vị không tồn tại hoặc không thuộc tỉnh: ${orgUnit ?? '(trống)'}`,
      en: `unknown unit or not of this province: ${orgUnit ?? '(empty)'}`,
    };
  }
  if (!period || !isPeriodCode(period))
    return { vi: `kỳ không hợp lệ: ${period ?? '(trống)'}`, en: `invalid period: ${period ?? '(empty)'}` };
  const raw = text(r.value);
  // DHIS2 sends values as strings; an empty or non-numeric string is refused, never read as 0
  const value = raw !== null && /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
  const problem = countProblem(value);
  if (problem) return { vi: `giá trị "${raw ?? ''}": ${problem.vi}`, en: `value "${raw ?? ''}": ${problem.en}` };
  const combo = text(r.categoryOptionCombo) ?? undefined;
  const d = disaggregationOf(index, element, combo);
  if ('problem' in d) return d.problem;
  return { element, unit: unit.code, unitKind: unit.kind, period, disaggregation: d.key, value };
}

export async function importDataValueSet(
  db: Kysely<Database>,
  importer: Importer,
  rows: readonly unknown[],
): Promise<ImportReport> {
  const index = await catalogueIndex(db);
  const units = await unitsOfProvince(db, importer.provinceCode);
  const report: ImportReport = { rows: rows.length, imported: 0, updated: 0, unchanged: 0, rejected: 0, rejectedRows: [] };
  const reject = (i: number, row: unknown, reason: { vi: string; en: string }) => {
    const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    report.rejectedRows.push({
      row: i + 1,
      dataElement: text(r.dataElement),
      orgUnit: text(r.orgUnit),
      period: text(r.period),
      reason,
    });
  };
  // the last row of a cell wins; an earlier one is listed so that nothing is dropped unseen
  const good = new Map<string, { row: number; cell: Cell }>();
  rows.forEach((row, i) => {
    const checked = checkRow(index, units, row);
    if (!('element' in checked)) return reject(i, row, checked);
    const id = repo.cellId(checked);
    const earlier = good.get(id);
    if (earlier) {
      reject(earlier.row, rows[earlier.row], {
        vi: `trùng với dòng ${i + 1} (dòng sau được dùng)`,
        en: `duplicate of row ${i + 1} (the later row is kept)`,
      });
    }
    good.set(id, { row: i, cell: checked });
  });
  report.rejectedRows.sort((a, b) => a.row - b.row);
  report.rejected = report.rejectedRows.length;
  const cells = [...good.values()].map((g) => g.cell);
  await db.transaction().execute(async (trx) => {
    const stored = await repo.findValues(
      trx,
      importer.provinceCode,
      [...new Set(cells.map((c) => c.unit))],
      [...new Set(cells.map((c) => c.period))],
    );
    const diff = diffCells(stored, cells);
    report.imported = diff.created;
    report.updated = diff.updated;
    report.unchanged = diff.unchanged;
    if (diff.writes.length === 0) return;
    await repo.applyWrites(
      trx,
      { provinceCode: importer.provinceCode, userId: importer.userId, name: importer.audit.name, source: 'import' },
      diff.writes,
    );
    await recordAudit(trx, importer.audit, {
      action: 'import',
      entity: 'data_value',
      entityId: importer.fileName ?? `dataValueSets-${crypto.randomUUID()}`,
      after: {
        rows: report.rows,
        imported: report.imported,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
      },
    });
  });
  return report;
}

/** The stored values as a dataValueSets document (the same format the import reads). */
export async function exportDataValueSet(db: Kysely<Database>, provinceCode: string, period: string | undefined) {
  const rows = await repo.listValuesForExport(db, provinceCode, period);
  return {
    dataValues: rows.map((r) => ({
      dataElement: r.element_code,
      period: r.period,
      orgUnit: r.unit_code,
      value: String(r.value),
      ...(r.disaggregation ? { categoryOptionCombo: r.disaggregation } : {}),
      storedBy: r.entered_by_name,
      lastUpdated: r.entered_at.toISOString(),
    })),
  };
}
