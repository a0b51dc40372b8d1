import crypto from 'node:crypto';
import { isPeriodCode, type Bilingual, type CatalogueIndex } from '@tre/core';
import type { ImportReportDto } from '@tre/core/indicators/indicator-api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit, type AuditActor } from '../access/audit.ts';
import { catalogueIndex } from './catalogue-store.ts';
import { countProblem, diffCells, disaggregationOf, type Cell } from './data-values-service.ts';
import * as repo from './repository.ts';
import { agenciesOf, communeCodesOf, dataSetOf, type ReportingUnit } from './units.ts';

/**
 * Importing figures row by row, from DHIS2 dataValueSets JSON ({dataValues: [{dataElement, period,
 * orgUnit, value, categoryOptionCombo?}]}) or from the Excel template (excel-import.ts reads it into
 * the same rows): dataElement = Tre's element code, orgUnit = a commune's or the province's
 * statistics-office code (or an agency id, so that Tre's own export re-imports), period = a DHIS2
 * period code and categoryOptionCombo = a disaggregation key ('sex=female|age_group=u6'; absent or
 * 'default' = total).
 *
 * Each row is checked on its own with the same rules as the entry form (the element must be in the
 * unit's data set, counts are whole numbers ≥ 0, a disaggregation names every category of the
 * element); rejected rows are listed with their row number and the reason in both languages, and
 * the good rows are stored in one transaction. Storing compares with what is there, so importing
 * the same file again changes nothing (all rows 'unchanged').
 */

/** The report the routes and the CLI return: the web's contract type. */
export type ImportReport = ImportReportDto;

/** A unit a row names, as the import sees it. */
export interface ImportUnit {
  kind: Cell['unitKind'];
  code: string;
}

export interface Importer {
  provinceCode: string;
  userId: string | null;
  audit: AuditActor;
  /** the file name for the audit, or null (JSON posted to the API) */
  fileName: string | null;
  /** whether the importer may write a unit's figures; rows of other units are rejected. Absent: every unit of the province. */
  mayWrite?: ((unit: ImportUnit) => boolean) | undefined;
}

/** One row as read from a file, before any check. */
export interface ImportRow {
  /** the number shown in the report: the index in dataValues from 1, or the spreadsheet row */
  row: number;
  dataElement: string | null;
  orgUnit: string | null;
  period: string | null;
  /** the figure as read; NaN when it is not a number */
  value: number;
  /** the figure as written in the file, for messages */
  valueText: string;
  categoryOptionCombo: string | null;
  /** a reason found while reading (e.g. the row is not a JSON object) */
  problem?: Bilingual | undefined;
}

type UnitLookup = Map<string, ReportingUnit>;

async function unitsOfProvince(db: Kysely<Database>, provinceCode: string): Promise<UnitLookup> {
  const map: UnitLookup = new Map([[provinceCode, { kind: 'province', code: provinceCode, name: provinceCode }]]);
  for (const c of await communeCodesOf(db, provinceCode)) map.set(c, { kind: 'commune', code: c, name: c });
  for (const a of await agenciesOf(db, provinceCode)) {
    map.set(a.id, { kind: 'agency', code: a.id, name: a.short_name, agency: { short_name: a.short_name, aliases: a.aliases } });
  }
  return map;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** DHIS2 sends values as strings; an empty or non-numeric string is refused, never read as 0. */
export function dhis2Number(raw: string | null): number {
  return raw !== null && /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
}

/** The rows of a dataValueSets document, numbered from 1. */
export function dataValueRows(rows: readonly unknown[]): ImportRow[] {
  return rows.map((row, i) => {
    if (typeof row !== 'object' || row === null) {
      return {
        row: i + 1,
        dataElement: null,
        orgUnit: null,
        period: null,
        value: NaN,
        valueText: '',
        categoryOptionCombo: null,
        problem: { vi: 'dòng không phải đối tượng JSON', en: 'the row is not a JSON object' },
      };
    }
    const r = row as Record<string, unknown>;
    const raw = text(r.value);
    return {
      row: i + 1,
      dataElement: text(r.dataElement),
      orgUnit: text(r.orgUnit),
      period: text(r.period),
      value: dhis2Number(raw),
      valueText: raw ?? '',
      categoryOptionCombo: text(r.categoryOptionCombo),
    };
  });
}

/** The elements each unit may report (its data set), computed once per unit. */
function dataSets(index: CatalogueIndex) {
  const cache = new Map<string, Set<string>>();
  return (unit: ReportingUnit) => {
    let set = cache.get(unit.code);
    if (!set) cache.set(unit.code, (set = new Set(dataSetOf(index, unit).elements)));
    return set;
  };
}

/** One row to a cell, or the reason it is refused. */
function checkRow(
  index: CatalogueIndex,
  units: UnitLookup,
  elementsOf: (unit: ReportingUnit) => Set<string>,
  mayWrite: Importer['mayWrite'],
  r: ImportRow,
): Cell | Bilingual {
  if (r.problem) return r.problem;
  const element = r.dataElement;
  if (!element || !index.element(element)) {
    return { vi: `chỉ số dữ liệu không tồn tại: ${element || '(trống)'}`, en: `unknown data element: ${element || '(empty)'}` };
  }
  const unit = r.orgUnit ? units.get(r.orgUnit) : undefined;
  if (!unit) {
    return {
      vi: `đơn vị không tồn tại hoặc không thuộc tỉnh: ${r.orgUnit || '(trống)'}`,
      en: `unknown unit or not of this province: ${r.orgUnit || '(empty)'}`,
    };
  }
  if (mayWrite && !mayWrite(unit)) {
    return { vi: `đơn vị ${r.orgUnit} ngoài phạm vi của bạn`, en: `unit ${r.orgUnit} is outside your scope` };
  }
  if (!elementsOf(unit).has(element)) {
    return {
      vi: `${element} không thuộc bộ số liệu của đơn vị ${r.orgUnit}`,
      en: `${element} is not in the data set of unit ${r.orgUnit}`,
    };
  }
  const period = r.period;
  if (!period || !isPeriodCode(period))
    return { vi: `kỳ không hợp lệ: ${period || '(trống)'}`, en: `invalid period: ${period || '(empty)'}` };
  const problem = countProblem(r.value);
  if (problem) return { vi: `giá trị "${r.valueText}": ${problem.vi}`, en: `value "${r.valueText}": ${problem.en}` };
  const d = disaggregationOf(index, element, r.categoryOptionCombo ?? undefined);
  if ('problem' in d) return d.problem;
  return { element, unit: unit.code, unitKind: unit.kind, period, disaggregation: d.key, value: r.value };
}

/** Checks rows one by one and stores the good ones in one transaction (audited with the file name). */
export async function importRows(db: Kysely<Database>, importer: Importer, rows: readonly ImportRow[]): Promise<ImportReport> {
  const index = await catalogueIndex(db);
  const units = await unitsOfProvince(db, importer.provinceCode);
  const elementsOf = dataSets(index);
  const report: ImportReport = { rows: rows.length, imported: 0, updated: 0, unchanged: 0, rejected: 0, rejectedRows: [] };
  const reject = (r: ImportRow, reason: Bilingual) => {
    report.rejectedRows.push({ row: r.row, dataElement: r.dataElement, orgUnit: r.orgUnit, period: r.period, reason });
  };
  // the last row of a cell wins; an earlier one is listed so that nothing is dropped unseen
  const good = new Map<string, { row: ImportRow; cell: Cell }>();
  for (const row of rows) {
    const checked = checkRow(index, units, elementsOf, importer.mayWrite, row);
    if (!('element' in checked)) {
      reject(row, checked);
      continue;
    }
    const id = repo.cellId(checked);
    const earlier = good.get(id);
    if (earlier) {
      reject(earlier.row, {
        vi: `trùng với dòng ${row.row} (dòng sau được dùng)`,
        en: `duplicate of row ${row.row} (the later row is kept)`,
      });
    }
    good.set(id, { row, cell: checked });
  }
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

/** A dataValueSets document's rows (as posted or read from a .json file). */
export async function importDataValueSet(
  db: Kysely<Database>,
  importer: Importer,
  rows: readonly unknown[],
): Promise<ImportReport> {
  return importRows(db, importer, dataValueRows(rows));
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
